package ai.zerog.compute.chain;

import ai.zerog.compute.core.Hash32;
import java.math.BigInteger;

/**
 * Hears what a {@link TransactionSender} does while it sends, so a user can see the hash long
 * before the receipt. {@code action} is the sender's name for the transaction (e.g.
 * {@code LedgerManager.depositFund}); {@code gasPrice} is the legacy gas price, or the
 * {@code maxFeePerGas} of an EIP-1559 transaction. Calls happen on the sending thread; a
 * listener must be quick and must not throw.
 */
public interface TxListener {
    /** Hears nothing. */
    TxListener NONE = new TxListener() {
    };

    /** The node accepted the signed transaction {@code txHash}; the receipt is not there yet. */
    default void onSent(String action, Hash32 txHash, BigInteger gasPrice) {
    }

    /** The node refused the transaction as underpriced; it is signed again at {@code nextGasPrice}. */
    default void onRetry(String action, String nodeError, BigInteger nextGasPrice) {
    }

    /** The transaction was mined successfully. */
    default void onConfirmed(String action, TxReceipt receipt) {
    }
}
