package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ZgComputeBroker;

/**
 * One command's connection: the SDK broker for the resolved wallet and network, and the
 * progress reporting of the transactions it sends. Close it when the command is done.
 */
public final class CliSession implements AutoCloseable {
    private final ZgComputeBroker broker;
    private final ResolvedNetwork network;
    private final String identitySource;
    private final TxProgress progress;

    CliSession(ZgComputeBroker broker, ResolvedNetwork network, String identitySource, TxProgress progress) {
        this.broker = broker;
        this.network = network;
        this.identitySource = identitySource;
        this.progress = progress;
    }

    public ZgComputeBroker broker() {
        return broker;
    }

    public ResolvedNetwork network() {
        return network;
    }

    public Address address() {
        return broker.address();
    }

    /** Where the key came from: {@code ZG_PRIVATE_KEY}, {@code keystore <path>}, {@code devnet account #i}. */
    public String identitySource() {
        return identitySource;
    }

    /** Prints the confirmation line if this session sent transactions. */
    public void confirmed() {
        progress.confirmed();
    }

    /** How many transactions this session signed. */
    public int transactionsSent() {
        return progress.sent();
    }

    @Override
    public void close() {
        broker.close();
    }
}
