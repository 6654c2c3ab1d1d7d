package ai.zerog.compute.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of the built-in {@link DevModel}: {@code tokenDelay} is waited before each generated
 * token (0 = as fast as possible; set it to simulate a slow model in tests and benchmarks),
 * {@code clock} stamps the {@code created} fields, and {@code cacheUsage} is what every chat
 * answer's usage reports as read from and written to a prompt cache (the dev model has none; this
 * exists so cache-token billing, PROTOCOL.md §7.3, can be exercised end to end).
 */
public record DevModelConfig(Duration tokenDelay, Clock clock, CacheUsage cacheUsage) {
    static final Duration MAX_TOKEN_DELAY = Duration.ofSeconds(10);

    /**
     * Fixed cache counts a chat usage reports: {@code prompt_tokens_details.cached_tokens},
     * {@code cache_write_tokens} and {@code cache_write_1h_tokens}, each written only when not 0 and
     * reported as given (not clamped to the prompt: the broker does that).
     */
    public record CacheUsage(long cachedTokens, long cacheWriteTokens, long cacheWrite1hTokens) {
        public static final CacheUsage NONE = new CacheUsage(0, 0, 0);

        public CacheUsage {
            if (cachedTokens < 0 || cacheWriteTokens < 0 || cacheWrite1hTokens < 0) {
                throw new ProviderException("reported cache token counts must not be negative, got " + cachedTokens
                        + ", " + cacheWriteTokens + " and " + cacheWrite1hTokens);
            }
        }
    }

    public DevModelConfig {
        Objects.requireNonNull(tokenDelay, "tokenDelay");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(cacheUsage, "cacheUsage");
        if (tokenDelay.isNegative() || tokenDelay.compareTo(MAX_TOKEN_DELAY) > 0) {
            throw new ProviderException("tokenDelay must be in [0, " + MAX_TOKEN_DELAY + "], got " + tokenDelay);
        }
    }

    /** No reported cache usage. */
    public DevModelConfig(Duration tokenDelay, Clock clock) {
        this(tokenDelay, clock, CacheUsage.NONE);
    }

    /** No delay, system clock, no cache usage. */
    public static DevModelConfig defaults() {
        return new DevModelConfig(Duration.ZERO, Clock.systemUTC());
    }

    public DevModelConfig withTokenDelay(Duration delay) {
        return new DevModelConfig(delay, clock, cacheUsage);
    }

    public DevModelConfig withClock(Clock newClock) {
        return new DevModelConfig(tokenDelay, newClock, cacheUsage);
    }

    /** Every chat usage reports these cache-read and cache-write counts. */
    public DevModelConfig withCacheUsage(long cachedTokens, long cacheWriteTokens, long cacheWrite1hTokens) {
        return new DevModelConfig(tokenDelay, clock, new CacheUsage(cachedTokens, cacheWriteTokens, cacheWrite1hTokens));
    }
}
