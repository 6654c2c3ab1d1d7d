package ai.zerog.compute.provider;

import ai.zerog.compute.chain.EvmRpc;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the chain RPC answers, for {@code /health}: one {@code eth_blockNumber}, waited for at
 * most {@code timeout}. Health checks that arrive while a probe is out share it, so a hung node
 * never piles up calls.
 */
final class ChainProbe {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final EvmRpc rpc;
    private final Duration timeout;
    private final AtomicReference<CompletableFuture<Long>> pending = new AtomicReference<>();

    ChainProbe(EvmRpc rpc, Duration timeout) {
        this.rpc = rpc;
        this.timeout = timeout;
    }

    /** The latest block number, or empty when the node did not answer in time. */
    Optional<Long> latestBlock() {
        try {
            return Optional.of(probe().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private CompletableFuture<Long> probe() {
        while (true) {
            CompletableFuture<Long> current = pending.get();
            if (current != null && !current.isDone()) {
                return current;
            }
            CompletableFuture<Long> mine = new CompletableFuture<>();
            if (pending.compareAndSet(current, mine)) {
                Thread.ofVirtual().name("chain-probe").start(() -> {
                    try {
                        mine.complete(rpc.blockNumber());
                    } catch (RuntimeException e) {
                        mine.completeExceptionally(e);
                    }
                });
                return mine;
            }
        }
    }
}
