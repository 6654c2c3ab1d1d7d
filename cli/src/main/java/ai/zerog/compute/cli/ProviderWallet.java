package ai.zerog.compute.cli;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.GasPricing;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.chain.TxOptions;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.WalletSigner;
import java.io.PrintStream;

/**
 * The provider's own wallet on the resolved network, for provider-side commands that run the
 * provider module ({@code provider start}, {@code update-service}, {@code remove-service}).
 * Transactions report progress like user commands. Close it when done.
 */
public final class ProviderWallet implements AutoCloseable {
    private final ResolvedNetwork network;
    private final EvmRpc rpc;
    private final TransactionSender sender;
    private final TxProgress progress;

    private ProviderWallet(ResolvedNetwork network, EvmRpc rpc, TransactionSender sender, TxProgress progress) {
        this.network = network;
        this.rpc = rpc;
        this.sender = sender;
        this.progress = progress;
    }

    /** The wallet {@link CliIdentity} resolves, on the network {@link CliBrokers#network} resolves. */
    public static ProviderWallet open(CliEnvironment environment, NetworkOptions options) {
        GasPricing pricing = options.gasPricing();
        ResolvedNetwork network = CliBrokers.network(environment, options);
        CliIdentity identity = CliIdentity.resolve(environment, CliConfig.load(environment), network.chainId(),
                Prompter.of(environment));
        PrintStream chatter = CliBrokers.chatter(environment, options);
        CliBrokers.announce(chatter, environment, network);
        TxProgress progress = new TxProgress(chatter);
        EvmRpc rpc = EvmRpc.connect(network.profile().rpcUrl());
        return new ProviderWallet(network, rpc, TransactionSender.create(rpc, WalletSigner.of(identity.key()),
                TxOptions.defaults().withGasPricing(pricing).withListener(progress)), progress);
    }

    public ResolvedNetwork network() {
        return network;
    }

    public EvmRpc rpc() {
        return rpc;
    }

    public TransactionSender sender() {
        return sender;
    }

    public Address address() {
        return sender.address();
    }

    public void confirmed() {
        progress.confirmed();
    }

    @Override
    public void close() {
        rpc.close();
    }
}
