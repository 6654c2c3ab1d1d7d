package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.WalletSigner;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wallet as the SDK sees it, announcing each transaction on stderr as it is signed (the
 * SDK signs right before sending), so long waits for a receipt show what is happening. Message
 * signatures (session tokens, API keys) pass through silently.
 */
final class TxProgress implements WalletSigner {
    private final WalletSigner wallet;
    private final PrintStream err;
    private final AtomicInteger sent = new AtomicInteger();

    TxProgress(WalletSigner wallet, PrintStream err) {
        this.wallet = wallet;
        this.err = err;
    }

    @Override
    public Address address() {
        return wallet.address();
    }

    @Override
    public Signature signDigest(Hash32 digest) {
        Signature signature = wallet.signDigest(digest);
        err.println("sending tx #" + sent.incrementAndGet() + " from " + wallet.address().checksummed()
                + ", waiting for confirmation...");
        err.flush();
        return signature;
    }

    @Override
    public Signature signPersonalMessage(byte[] message) {
        return wallet.signPersonalMessage(message);
    }

    /** How many transactions were signed so far. */
    int sent() {
        return sent.get();
    }

    /** Prints the confirmation line when this run sent anything. */
    void confirmed() {
        int count = sent.get();
        if (count > 0) {
            err.println("✓ confirmed (" + count + (count == 1 ? " transaction)" : " transactions)"));
            err.flush();
        }
    }
}
