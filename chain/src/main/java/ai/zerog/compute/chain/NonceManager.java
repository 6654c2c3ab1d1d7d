package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Hands out nonces for one signer on one node. Senders share the instance (one per node URL and
 * address in this JVM), so concurrent senders never reuse a nonce; sign-and-broadcast happens
 * under the lock, receipt waiting does not. After a failed broadcast the next nonce is re-read
 * from the node, so a nonce is never skipped.
 */
final class NonceManager {
    private static final Map<String, NonceManager> SHARED = new ConcurrentHashMap<>();

    private final ReentrantLock lock = new ReentrantLock();
    private long next = -1;

    static NonceManager shared(EvmRpc rpc, Address signer) {
        return SHARED.computeIfAbsent(rpc.url() + "|" + signer.hex(), k -> new NonceManager());
    }

    <T> T withNextNonce(LongSupplier pendingCountOnChain, LongFunction<T> broadcast) {
        lock.lock();
        try {
            if (next < 0) {
                next = pendingCountOnChain.getAsLong();
            }
            T result = broadcast.apply(next);
            next++;
            return result;
        } catch (RuntimeException e) {
            next = -1;
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** Forget the cached nonce, e.g. after the chain was reset under us. */
    void resync() {
        lock.lock();
        try {
            next = -1;
        } finally {
            lock.unlock();
        }
    }
}
