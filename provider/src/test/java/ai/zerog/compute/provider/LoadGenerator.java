package ai.zerog.compute.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a call from {@code concurrency} virtual threads until {@code requests} calls were made or
 * {@code maxTime} passed, whichever first, and collects each call's latency.
 */
final class LoadGenerator {
    /** One measured call; returns the latency it measured in nanoseconds, or throws on any failure. */
    interface Call {
        long run(int sequence) throws Exception;
    }

    /** Latencies of the successful calls, how many failed (and the first failure), and the wall time. */
    record Outcome(long[] latencies, int failures, String firstFailure, long elapsedNanos) {
        long percentile(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        double perSecond() {
            return latencies.length / (elapsedNanos / 1e9);
        }

        Outcome plus(Outcome other) {
            long[] both = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, both, latencies.length, other.latencies.length);
            return new Outcome(both, failures + other.failures,
                    firstFailure.isEmpty() ? other.firstFailure : firstFailure, elapsedNanos + other.elapsedNanos);
        }

        static Outcome empty() {
            return new Outcome(new long[0], 0, "", 0);
        }
    }

    private LoadGenerator() {
    }

    static Outcome run(int concurrency, int requests, Duration maxTime, Call call) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        List<Latencies> perWorker = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Latencies latencies = new Latencies();
            perWorker.add(latencies);
            workers.add(Thread.ofVirtual().name("load-" + w).start(() -> {
                int sequence;
                while (System.nanoTime() < deadline && (sequence = next.getAndIncrement()) < requests) {
                    try {
                        latencies.add(call.run(sequence));
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet("", e.toString());
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - start;
        long[] all = new long[perWorker.stream().mapToInt(l -> l.size).sum()];
        int at = 0;
        for (Latencies latencies : perWorker) {
            System.arraycopy(latencies.values, 0, all, at, latencies.size);
            at += latencies.size;
        }
        return new Outcome(all, failures.get(), firstFailure.get(), elapsed);
    }

    /** One worker's latencies (only that worker writes). */
    private static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
