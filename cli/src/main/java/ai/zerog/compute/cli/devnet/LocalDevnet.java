package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.chain.DevnetDeployer;
import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.AnvilOptions;
import ai.zerog.compute.provider.RegistrationResult;
import ai.zerog.compute.sdk.ZgComputeBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A whole devnet in this JVM: anvil (state in the data folder), our contracts at the official
 * chain-31337 addresses, three dev providers (chatbot, text-to-image, speech-to-text) registered
 * and acknowledged by the contract owner, and a dev wallet with a ledger and a funded sub-account
 * with each provider. Starting again from the same data folder finds the contracts and balances
 * and deploys nothing. {@link #close()} stops everything and saves the chain.
 */
public final class LocalDevnet implements AutoCloseable {
    private final DevnetFiles files;
    private final DevnetAccounts accounts;
    private final AnvilNode node;
    private final EvmRpc rpc;
    private final NetworkProfile network;
    private final boolean deployed;
    private final List<DevProviderNode> providers;
    private final ZgComputeBroker user;
    private boolean closed;

    private LocalDevnet(DevnetFiles files, DevnetAccounts accounts, AnvilNode node, EvmRpc rpc, NetworkProfile network,
                        boolean deployed, List<DevProviderNode> providers, ZgComputeBroker user) {
        this.files = files;
        this.accounts = accounts;
        this.node = node;
        this.rpc = rpc;
        this.network = network;
        this.deployed = deployed;
        this.providers = List.copyOf(providers);
        this.user = user;
    }

    public static LocalDevnet start(DevnetOptions options) {
        return start(options, line -> { });
    }

    /** Starts everything, reporting each step to {@code progress} (one line each, never a key). */
    public static LocalDevnet start(DevnetOptions options, Consumer<String> progress) {
        DevnetFiles files = new DevnetFiles(options.dataDir());
        DevnetAccounts accounts = accountsFor(options, files);
        Ports.requireFree(options.rpcPort(), "anvil RPC", "--rpc-port");
        for (DevService service : DevService.values()) {
            Ports.requireFree(service.port(options.firstProviderPort()), service.serviceType() + " provider",
                    "--provider-port");
        }
        PrivateFiles.createDirectory(files.dataDir());
        List<AutoCloseable> started = new ArrayList<>();
        try {
            progress.accept("Starting anvil on 127.0.0.1:" + options.rpcPort() + " (state in " + files.dataDir() + ") ...");
            AnvilNode node = AnvilNode.start(AnvilOptions.builder().port(options.rpcPort())
                    .accounts(DevnetAccounts.COUNT).mnemonic(accounts.mnemonic())
                    .stateFile(files.anvilState()).logFile(files.anvilLog()).build());
            started.add(node);
            EvmRpc rpc = EvmRpc.connect(node.rpcUrl());
            started.add(rpc);
            DevnetDeployer.Result chain = DevnetDeployer.ensureDeployed(rpc, accounts.key(DevnetAccounts.OWNER),
                    DevnetDeployer.Options.defaults(files.networkProfile()));
            NetworkProfile network = chain.profile();
            progress.accept((chain.deployed() ? "Deployed" : "Found") + " LedgerManager " + network.ledger()
                    + " and InferenceServing " + network.inference() + " (chain " + network.chainId() + ")");

            List<DevProviderNode> providers = new ArrayList<>();
            for (DevService service : DevService.values()) {
                Secp256k1Key key = accounts.key(service.accountIndex());
                DevProviderNode provider = DevProviderNode.start(service, key, rpc, network,
                        files.providerDir(service), service.port(options.firstProviderPort()),
                        options.settlementInterval());
                started.add(provider);
                RegistrationResult registration = provider.register(rpc, key, network.inference(),
                        accounts.key(DevnetAccounts.OWNER));
                providers.add(provider);
                progress.accept("Provider " + provider.address() + " serves " + service.serviceType() + " ("
                        + service.model() + ") at " + provider.url() + " ("
                        + registration.outcome().name().toLowerCase(Locale.ROOT) + ", TEE signer "
                        + provider.teeSigner() + " acknowledged)");
            }

            ZgComputeBroker user = ZgComputeBroker.create(accounts.key(DevnetAccounts.USER), network);
            started.add(user);
            DevWalletFunding.fund(user, providers.stream().map(DevProviderNode::address).toList());
            progress.accept("Dev wallet " + user.address() + " (account #" + DevnetAccounts.USER
                    + ") has a ledger and a funded sub-account with each provider");

            LocalDevnet devnet = new LocalDevnet(files, accounts, node, rpc, network, chain.deployed(), providers, user);
            new DevnetState(devnet.summary(), accounts.mnemonic(), files.dataDir()).writeTo(files.stateFile());
            return devnet;
        } catch (RuntimeException e) {
            closeAll(started.reversed());
            throw e;
        }
    }

    /** The data folder's mnemonic wins over none given; a different one given is refused (its state belongs to other accounts). */
    private static DevnetAccounts accountsFor(DevnetOptions options, DevnetFiles files) {
        var saved = DevnetState.read(files.dataDir());
        DevnetAccounts accounts = options.mnemonic().map(DevnetAccounts::of)
                .orElseGet(() -> saved.map(DevnetState::accounts).orElseGet(DevnetAccounts::defaults));
        if (saved.isPresent() && !saved.get().accounts().address(DevnetAccounts.USER)
                .equals(accounts.address(DevnetAccounts.USER))) {
            throw new CliFailure("the devnet in " + files.dataDir() + " was created with another mnemonic",
                    "Leave out --mnemonic to reuse it, use another --data-dir, or clear it: 0g-compute-cli devnet reset");
        }
        return accounts;
    }

    /** A chat through the chatbot provider with the dev wallet, its TEE signature checked by the SDK. */
    public VerifiedChat verifiedChat(String prompt) {
        return DemoChat.run(user, provider("chatbot").address(), provider("chatbot").model(), prompt);
    }

    public DevnetSummary summary() {
        return new DevnetSummary(network.rpcUrl(), network.chainId(), network.ledger(), network.inference(),
                providers.stream().map(DevProviderNode::summary).toList(),
                new DevnetSummary.User(accounts.address(DevnetAccounts.USER), DevnetAccounts.USER));
    }

    /** The provider selling {@code serviceType} ({@code chatbot}, {@code text-to-image}, {@code speech-to-text}). */
    public DevnetSummary.Provider provider(String serviceType) {
        return summary().provider(serviceType).orElseThrow(() -> new CliFailure(
                "the devnet runs no " + serviceType + " provider", "Use chatbot, text-to-image or speech-to-text"));
    }

    public NetworkProfile network() {
        return network;
    }

    public DevnetAccounts accounts() {
        return accounts;
    }

    /** The dev wallet's key (account {@link DevnetAccounts#USER}): it has a ledger and sub-accounts. */
    public Secp256k1Key userKey() {
        return accounts.key(DevnetAccounts.USER);
    }

    public Address userAddress() {
        return userKey().address();
    }

    public Path dataDir() {
        return files.dataDir();
    }

    /** Whether this start deployed the contracts (false when they were found in the saved chain). */
    public boolean deployedContracts() {
        return deployed;
    }

    /** The anvil node, for tests that move the chain clock or mine. */
    public AnvilNode node() {
        return node;
    }

    public EvmRpc rpc() {
        return rpc;
    }

    /** Stops providers, the wallet's broker and anvil (which writes its state file). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> all = new ArrayList<>(providers.reversed());
        all.add(user);
        all.add(rpc);
        all.add(node);
        closeAll(all);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                // keep closing the rest: anvil must still stop and save its state
            }
        }
    }

    @Override
    public String toString() {
        return "LocalDevnet[" + network.rpcUrl() + ", " + files.dataDir() + "]";
    }
}
