package ai.zerog.compute.provider;

/**
 * Per-user request limits and the broker-wide in-flight cap. Defaults are the official ones:
 * 30 requests/min sustained, burst 5, 5 concurrent per user, 20 in flight overall.
 */
public record RateLimits(int requestsPerMinute, int burst, int maxConcurrent, int globalInFlight) {
    public static final RateLimits DEFAULTS = new RateLimits(30, 5, 5, 20);

    public RateLimits {
        require("requestsPerMinute", requestsPerMinute, 1, 1_000_000);
        require("burst", burst, 1, 1_000_000);
        require("maxConcurrent", maxConcurrent, 1, 10_000);
        require("globalInFlight", globalInFlight, 1, 100_000);
    }

    private static void require(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ProviderException("rate limit " + key + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
