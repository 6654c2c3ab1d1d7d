package ai.zerog.compute.cli;

import ai.zerog.compute.chain.TxListener;
import ai.zerog.compute.core.Hash32;
import java.io.PrintStream;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows each transaction as the official CLI does (CLI-AND-UI.md §1.6): {@code sending tx with gas
 * price <wei>} and {@code tx hash: <hash>} as soon as the node accepts it, so a long wait for the
 * receipt shows what is happening; gas-bump retries say why; {@link #confirmed()} closes the run.
 * For EIP-1559 transactions the price shown is the fee cap ({@code maxFeePerGas}).
 */
final class TxProgress implements TxListener {
    private final PrintStream out;
    private final AtomicInteger sent = new AtomicInteger();

    TxProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onSent(String action, Hash32 txHash, BigInteger gasPrice) {
        sent.incrementAndGet();
        // one print, so lines of transactions sent from several threads never interleave
        out.print("sending tx with gas price " + gasPrice + System.lineSeparator() + "tx hash: " + txHash.hex()
                + System.lineSeparator());
        out.flush();
    }

    @Override
    public void onRetry(String action, String nodeError, BigInteger nextGasPrice) {
        out.println("Retrying transaction with higher gas price due to: " + nodeError);
        out.flush();
    }

    /** How many transactions the node accepted so far. */
    int sent() {
        return sent.get();
    }

    /** Prints the confirmation line when this run sent anything. */
    void confirmed() {
        int count = sent.get();
        if (count > 0) {
            out.println("✓ confirmed (" + count + (count == 1 ? " transaction)" : " transactions)"));
            out.flush();
        }
    }
}
