package ai.zerog.compute.cli;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.WalletSigner;

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
        ResolvedNetwork network = CliBrokers.network(environment, options);
        CliIdentity identity = CliIdentity.resolve(environment, CliConfig.load(environment), network.chainId(),
                Prompter.of(environment));
        TxProgress progress = new TxProgress(WalletSigner.of(identity.key()), environment.err());
        EvmRpc rpc = EvmRpc.connect(network.profile().rpcUrl());
        return new ProviderWallet(network, rpc, TransactionSender.create(rpc, progress), progress);
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
