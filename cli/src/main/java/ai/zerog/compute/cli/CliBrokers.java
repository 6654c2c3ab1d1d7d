package ai.zerog.compute.cli;

import ai.zerog.compute.chain.ChainException;
import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.GasPricing;
import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.sdk.BrokerOptions;
import ai.zerog.compute.sdk.SdkException;
import ai.zerog.compute.sdk.ZgComputeBroker;
import java.io.PrintStream;
import java.net.URI;
import java.util.Optional;

/**
 * Opens the SDK for a command: resolves the RPC (CLI-AND-UI.md §2.3: {@code --rpc} &gt;
 * {@code ZG_RPC_ENDPOINT} &gt; {@code RPC_ENDPOINT} &gt; saved network &gt; the network menu), the
 * contracts ({@code --ledger-ca}/{@code --inference-ca} &gt; {@code LEDGER_CA}/{@code INFERENCE_CA} &gt;
 * saved overrides for that chain &gt; the defaults of the chain id the RPC reports) and the wallet
 * ({@link CliIdentity}). Every failure is a {@link CliFailure} saying what to run.
 */
public final class CliBrokers {
    private CliBrokers() {
    }

    /** A broker signing with the resolved wallet; transactions report progress (see {@link TxProgress}). */
    public static ZgComputeBroker open(CliEnvironment environment, NetworkOptions options) {
        return session(environment, options).broker();
    }

    /**
     * As {@link #open}, with the network, identity source and transaction progress. Like the
     * official CLI it first prints which network the RPC serves ({@code Detected testnet (chain ID:
     * 16602)}), and each transaction's gas price and hash; on stdout, or on stderr when the
     * command prints {@code --json}.
     */
    public static CliSession session(CliEnvironment environment, NetworkOptions options) {
        GasPricing pricing = options.gasPricing();
        ResolvedNetwork network = network(environment, options);
        CliIdentity identity = CliIdentity.resolve(environment, CliConfig.load(environment), network.chainId(),
                Prompter.of(environment));
        return open(environment, options, pricing, network, identity.key(), identity.source());
    }

    /**
     * A broker for reading only (listing services, models): needs no saved key and never asks for
     * a password. It signs with a throw-away key, so it must not be used to send or to mint keys.
     */
    public static CliSession readOnly(CliEnvironment environment, NetworkOptions options) {
        GasPricing pricing = options.gasPricing();
        return open(environment, options, pricing, network(environment, options), Secp256k1Key.random(), "read-only");
    }

    private static CliSession open(CliEnvironment environment, NetworkOptions options, GasPricing pricing,
                                   ResolvedNetwork network, Secp256k1Key key, String identitySource) {
        PrintStream chatter = chatter(environment, options);
        announce(chatter, environment, network);
        TxProgress progress = new TxProgress(chatter);
        BrokerOptions brokerOptions = new BrokerOptions(pricing, progress, BrokerOptions.defaults().receiptTimeout());
        return new CliSession(create(key, network, brokerOptions), network, identitySource, progress);
    }

    /** Where SDK-style chatter goes: stdout, except for commands printing JSON there. */
    static PrintStream chatter(CliEnvironment environment, NetworkOptions options) {
        return options.jsonOutput() ? environment.err() : environment.out();
    }

    /** The official {@code Detected <network> (chain ID: <id>)} line; unknown chains were warned about already. */
    static void announce(PrintStream chatter, CliEnvironment environment, ResolvedNetwork network) {
        long chainId = network.chainId();
        String name;
        if (chainId == NetworkProfiles.MAINNET_CHAIN_ID) {
            name = "mainnet";
        } else if (chainId == NetworkProfiles.TESTNET_CHAIN_ID) {
            name = devMode(environment) ? "testnet [DEV MODE]" : "testnet";
        } else if (chainId == NetworkProfiles.DEVNET_CHAIN_ID) {
            name = "hardhat";
        } else {
            return;
        }
        chatter.println("Detected " + name + " (chain ID: " + chainId + ")");
    }

    /** The RPC and contracts this command runs against (asks the RPC for its chain id). */
    public static ResolvedNetwork network(CliEnvironment environment, NetworkOptions options) {
        CliConfig config = CliConfig.load(environment);
        Rpc rpc = rpc(environment, options, config);
        return resolve(environment, options, config, rpc, chainIdOf(rpc.url()));
    }

    /**
     * The network of a command that must start without asking anything or reaching the chain
     * ({@code ui start-web}: its pages need neither a key nor an RPC to be served): the configured
     * network; when its RPC does not answer, the profile of the chain last saved for it (else
     * testnet's addresses), with a warning; 0G testnet when no network is configured.
     */
    public static ResolvedNetwork networkWithoutAsking(CliEnvironment environment, NetworkOptions options) {
        CliConfig config = CliConfig.load(environment);
        Optional<Rpc> configured = configuredRpc(environment, options, config);
        if (configured.isEmpty()) {
            environment.err().println("No network configured: using 0G testnet (" + NetworkProfile.TESTNET.rpcUrl()
                    + "). Pick another with 0g-compute-cli setup-network, or --rpc <url>.");
            return new ResolvedNetwork(NetworkProfile.TESTNET, "default");
        }
        Rpc rpc = configured.get();
        long chainId;
        try {
            chainId = chainIdOf(rpc.url());
        } catch (CliFailure unreachable) {
            chainId = config.chainId().orElse(NetworkProfile.TESTNET.chainId());
            environment.err().println("⚠ " + unreachable.getMessage() + ": starting anyway; pages that read the chain"
                    + " show errors until it answers.");
        }
        return resolve(environment, options, config, rpc, chainId);
    }

    private static ResolvedNetwork resolve(CliEnvironment environment, NetworkOptions options, CliConfig config, Rpc rpc,
                                           long chainId) {
        NetworkProfile profile = NetworkProfiles.forChain(chainId, URI.create(rpc.url()), devMode(environment));
        boolean savedForChain = config.chainId().isPresent() && config.chainId().getAsLong() == chainId;
        Optional<Address> ledger = options.ledgerCa().or(() -> addressVariable(environment, "LEDGER_CA"))
                .or(() -> savedForChain ? config.ledgerCa() : Optional.empty());
        Optional<Address> inference = options.inferenceCa().or(() -> addressVariable(environment, "INFERENCE_CA"))
                .or(() -> savedForChain ? config.inferenceCa() : Optional.empty());
        if (!NetworkProfiles.isKnown(chainId) && (ledger.isEmpty() || inference.isEmpty())) {
            environment.err().println("Unknown chain ID: " + chainId + ". Using testnet addresses as default.");
        }
        profile = ledger.map(profile::withLedger).orElse(profile);
        profile = inference.map(profile::withInference).orElse(profile);
        return new ResolvedNetwork(profile, rpc.source());
    }

    private static boolean devMode(CliEnvironment environment) {
        return environment.variable("ZG_DEV_MODE").map(v -> v.equals("true") || v.equals("1")).orElse(false);
    }

    /** Where the RPC URL came from and the URL, without contacting it. */
    record Rpc(String url, String source) {
    }

    static Rpc rpc(CliEnvironment environment, NetworkOptions options, CliConfig config) {
        Optional<Rpc> chosen = configuredRpc(environment, options, config);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (!Prompter.of(environment).available()) {
            throw new CliFailure("No RPC endpoint configured", NetworkMenu.NO_TERMINAL);
        }
        return new Rpc(NetworkMenu.askAndSave(environment, environment.err()).rpc(), "config");
    }

    /** The RPC from --rpc, ZG_RPC_ENDPOINT, RPC_ENDPOINT or the saved config, in that order, checked as a URL. */
    private static Optional<Rpc> configuredRpc(CliEnvironment environment, NetworkOptions options, CliConfig config) {
        return options.rpc().map(url -> new Rpc(url, "--rpc"))
                .or(() -> environment.variable("ZG_RPC_ENDPOINT").map(url -> new Rpc(url, "ZG_RPC_ENDPOINT")))
                .or(() -> environment.variable("RPC_ENDPOINT").map(url -> new Rpc(url, "RPC_ENDPOINT")))
                .or(() -> config.rpcEndpoint().map(url -> new Rpc(url, "config")))
                .map(chosen -> new Rpc(NetworkMenu.validRpc(chosen.url()), chosen.source()));
    }

    private static long chainIdOf(String url) {
        try (EvmRpc rpc = EvmRpc.connect(URI.create(url))) {
            return rpc.chainId();
        } catch (ChainException | IllegalArgumentException e) {
            throw unreachable(url, e.getMessage());
        }
    }

    private static CliFailure unreachable(String url, String detail) {
        return new CliFailure("cannot reach the RPC endpoint " + url + " (" + detail + ")",
                "Check the URL and your connection; see the active network with 0g-compute-cli show-network,"
                        + " or pick another with 0g-compute-cli setup-network (a local devnet: 0g-compute-cli devnet up)");
    }

    private static Optional<Address> addressVariable(CliEnvironment environment, String name) {
        return environment.variable(name).map(value -> {
            try {
                return Address.of(value.strip());
            } catch (CoreException e) {
                throw new CliFailure(name + " is not a valid address (" + e.getMessage() + ")",
                        "Fix or unset " + name + ".");
            }
        });
    }

    private static ZgComputeBroker create(Secp256k1Key key, ResolvedNetwork network, BrokerOptions options) {
        try {
            return ZgComputeBroker.create(key, network.profile(), options);
        } catch (SdkException | ChainException e) {
            throw unreachable(network.profile().rpcUrl().toString(), e.getMessage());
        }
    }
}
