package ai.zerog.compute.chain;

import ai.zerog.compute.core.Hash32;
import java.time.Duration;

/** A sent transaction had no receipt within the configured wait. It may still be mined later. */
public final class TransactionTimeoutException extends ChainException {
    private final Hash32 transactionHash;

    TransactionTimeoutException(Hash32 transactionHash, Duration waited) {
        super("no receipt for transaction " + transactionHash + " after " + waited.toSeconds()
                + " s; it may still be mined: check it on the chain before sending again");
        this.transactionHash = transactionHash;
    }

    public Hash32 transactionHash() {
        return transactionHash;
    }
}
