package ai.zerog.compute.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of the built-in {@link DevModel}: {@code tokenDelay} is waited before each generated
 * token (0 = as fast as possible; set it to simulate a slow model in tests and benchmarks), and
 * {@code clock} stamps the {@code created} fields.
 */
public record DevModelConfig(Duration tokenDelay, Clock clock) {
    static final Duration MAX_TOKEN_DELAY = Duration.ofSeconds(10);

    public DevModelConfig {
        Objects.requireNonNull(tokenDelay, "tokenDelay");
        Objects.requireNonNull(clock, "clock");
        if (tokenDelay.isNegative() || tokenDelay.compareTo(MAX_TOKEN_DELAY) > 0) {
            throw new ProviderException("tokenDelay must be in [0, " + MAX_TOKEN_DELAY + "], got " + tokenDelay);
        }
    }

    /** No delay, system clock. */
    public static DevModelConfig defaults() {
        return new DevModelConfig(Duration.ZERO, Clock.systemUTC());
    }

    public DevModelConfig withTokenDelay(Duration delay) {
        return new DevModelConfig(delay, clock);
    }

    public DevModelConfig withClock(Clock newClock) {
        return new DevModelConfig(tokenDelay, newClock);
    }
}
