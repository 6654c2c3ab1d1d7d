package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.LedgerManagerContract;
import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.WalletSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The user's entry point, the Java counterpart of the official {@code createZGComputeNetworkBroker}:
 * one wallet on one network, with {@link #ledger()} for money and {@link #inference()} for
 * providers. Thread-safe; one broker serves many threads.
 */
public final class ZgComputeBroker implements AutoCloseable {
    private final SdkContext context;
    private final LedgerBroker ledger;
    private final InferenceBroker inference;
    private final InferenceOwner inferenceOwner;

    private ZgComputeBroker(SdkContext context) {
        this.context = context;
        this.ledger = new LedgerBroker(context);
        this.inference = new InferenceBroker(context, ledger);
        this.inferenceOwner = new InferenceOwner(context);
    }

    /** A broker for the private key {@code wallet} on {@code network} (devnet, testnet, mainnet or a custom profile). */
    public static ZgComputeBroker create(Secp256k1Key wallet, NetworkProfile network) {
        return create(wallet, network, Clock.systemUTC());
    }

    /**
     * A broker for an external wallet (hardware wallet, KMS, remote signer). It is asked for a
     * digest signature per transaction and a {@code personal_sign} per session token or API key;
     * every signature must recover to {@link WalletSigner#address()}, else the operation fails
     * with nothing sent.
     */
    public static ZgComputeBroker create(WalletSigner wallet, NetworkProfile network) {
        return create(wallet, network, BrokerOptions.defaults());
    }

    /**
     * A broker for the private key {@code wallet} whose transactions follow {@code options}: a fixed
     * gas price or gas-bump retries, and a listener that hears each transaction hash before its receipt.
     */
    public static ZgComputeBroker create(Secp256k1Key wallet, NetworkProfile network, BrokerOptions options) {
        return create(WalletSigner.of(Objects.requireNonNull(wallet, "wallet")), network, Clock.systemUTC(),
                Objects.requireNonNull(options, "options"));
    }

    /** As {@link #create(WalletSigner, NetworkProfile)}, with transactions following {@code options}. */
    public static ZgComputeBroker create(WalletSigner wallet, NetworkProfile network, BrokerOptions options) {
        return create(new CheckedWalletSigner(wallet), network, Clock.systemUTC(), Objects.requireNonNull(options, "options"));
    }

    /**
     * A broker for the key in an Ethereum V3 keystore file (the encrypted JSON geth writes); a wrong
     * password or a file that is not a keystore is an {@link InvalidInputException}. The password
     * array is not kept; clear it when done.
     */
    public static ZgComputeBroker fromKeystore(Path keystoreJson, char[] password, NetworkProfile network) {
        Objects.requireNonNull(keystoreJson, "keystoreJson");
        Objects.requireNonNull(password, "password");
        return create(Keystore.read(keystoreJson, password), network);
    }

    static ZgComputeBroker create(Secp256k1Key wallet, NetworkProfile network, Clock clock) {
        return create(WalletSigner.of(Objects.requireNonNull(wallet, "wallet")), network, clock);
    }

    static ZgComputeBroker create(WalletSigner wallet, NetworkProfile network, Clock clock) {
        return create(wallet, network, clock, BrokerOptions.defaults());
    }

    static ZgComputeBroker create(WalletSigner wallet, NetworkProfile network, Clock clock, BrokerOptions options) {
        Objects.requireNonNull(network, "network");
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
        TransactionSender sender = TransactionSender.create(rpc, wallet, options.txOptions());
        return new ZgComputeBroker(new SdkContext(network, rpc, wallet, sender,
                LedgerManagerContract.withSender(sender, network.ledger()),
                InferenceServingContract.withSender(sender, network.inference()), new ProviderClient(), clock));
    }

    public LedgerBroker ledger() {
        return ledger;
    }

    public InferenceBroker inference() {
        return inference;
    }

    /** The InferenceServing contract owner's operations; they refuse unless this wallet is the owner. */
    public InferenceOwner inferenceOwner() {
        return inferenceOwner;
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
        context.http().close();
    }
}
