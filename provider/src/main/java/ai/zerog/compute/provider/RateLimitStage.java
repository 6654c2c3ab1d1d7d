package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.ProviderError;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-user limits (PROTOCOL.md §8): a token bucket of {@code requestsPerMinute} sustained with
 * a burst of {@code burst}, and at most {@code maxConcurrent} requests in flight. Rejections are
 * 429 with {@code Retry-After}; admitted requests carry the {@code x-ratelimit-*} headers.
 */
final class RateLimitStage implements ProxyHandler {
    private final ProxyHandler next;
    private final RateLimits limits;
    private final TimeMeter time;
    private final Map<Address, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<Address, Semaphore> inFlight = new ConcurrentHashMap<>();

    RateLimitStage(ProxyHandler next, RateLimits limits, Clock clock) {
        this.next = next;
        this.limits = limits;
        this.time = new ClockTimeMeter(clock);
    }

    @Override
    public void handle(ProxyExchange exchange) {
        Address user = exchange.user();
        Bucket bucket = buckets.computeIfAbsent(user, u -> newBucket());
        long remainingBefore = bucket.getAvailableTokens();
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long waitSeconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
                    + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
            throw new BrokerErrorException(ProviderError.RATE_LIMITED, limits.requestsPerMinute())
                    .withHeader("Retry-After", Long.toString(waitSeconds));
        }
        Semaphore slots = inFlight.computeIfAbsent(user, u -> new Semaphore(limits.maxConcurrent()));
        if (!slots.tryAcquire()) {
            int active = limits.maxConcurrent() - slots.availablePermits();
            throw new BrokerErrorException(ProviderError.TOO_MANY_CONCURRENT, active, limits.maxConcurrent())
                    .withHeader("Retry-After", "1");
        }
        try {
            exchange.addSuccessHeader("x-ratelimit-limit-requests", Integer.toString(limits.requestsPerMinute()));
            exchange.addSuccessHeader("x-ratelimit-remaining-requests", Long.toString(Math.max(0, remainingBefore)));
            exchange.addSuccessHeader("x-ratelimit-reset-requests", secondsToRefill(bucket) + "s");
            next.handle(exchange);
        } finally {
            slots.release();
        }
    }

    private long secondsToRefill(Bucket bucket) {
        long missing = limits.burst() - bucket.getAvailableTokens();
        double perSecond = limits.requestsPerMinute() / 60.0;
        return (long) Math.ceil(Math.max(0, missing) / perSecond);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.burst())
                        .refillGreedy(limits.requestsPerMinute(), Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    /** Bucket4j reads time through this, so tests can drive the refill with a fake clock. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
