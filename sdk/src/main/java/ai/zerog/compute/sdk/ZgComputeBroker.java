package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.LedgerManagerContract;
import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The user's entry point, the Java counterpart of the official {@code createZGComputeNetworkBroker}:
 * one wallet on one network, with {@link #ledger()} for money and {@link #inference()} for
 * providers. Thread-safe; one broker serves many threads.
 */
public final class ZgComputeBroker implements AutoCloseable {
    private final SdkContext context;
    private final LedgerBroker ledger;
    private final InferenceBroker inference;

    private ZgComputeBroker(SdkContext context) {
        this.context = context;
        this.ledger = new LedgerBroker(context);
        this.inference = new InferenceBroker(context, ledger);
    }

    /** A broker for {@code wallet} on {@code network} (devnet, testnet, mainnet or a custom profile). */
    public static ZgComputeBroker create(Secp256k1Key wallet, NetworkProfile network) {
        return create(wallet, network, Clock.systemUTC());
    }

    static ZgComputeBroker create(Secp256k1Key wallet, NetworkProfile network, Clock clock) {
        EvmRpc rpc = EvmRpc.connect(network.rpcUrl());
        long chainId;
        try {
            chainId = ChainFailures.call("connecting to " + network.rpcUrl(), rpc::chainId);
        } catch (SdkException e) {
            rpc.close();
            throw e;
        }
        if (chainId != network.chainId()) {
            rpc.close();
            throw new SdkException("the RPC at " + network.rpcUrl() + " serves chain " + chainId + " but the "
                    + network.name() + " profile expects chain " + network.chainId() + ": check the RPC URL or network");
        }
        TransactionSender sender = TransactionSender.create(rpc, wallet);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return new ZgComputeBroker(new SdkContext(network, rpc, wallet, sender,
                LedgerManagerContract.withSender(sender, network.ledger()),
                InferenceServingContract.withSender(sender, network.inference()), http, clock));
    }

    public LedgerBroker ledger() {
        return ledger;
    }

    public InferenceBroker inference() {
        return inference;
    }

    /** The wallet's address. */
    public Address address() {
        return context.wallet().address();
    }

    public NetworkProfile network() {
        return context.network();
    }

    @Override
    public void close() {
        inference.close();
        context.rpc().close();
    }
}
