package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;
import java.time.Duration;

/** The provider answered 429: too many requests from this wallet. Wait {@link #retryAfter()} and retry. */
public final class RateLimitedException extends SdkException {
    private final Address provider;
    private final Duration retryAfter;

    public RateLimitedException(Address provider, Duration retryAfter) {
        this(provider, retryAfter, "");
    }

    /** {@code detail}: the provider's own message, appended when not blank. */
    public RateLimitedException(Address provider, Duration retryAfter, String detail) {
        super("provider " + provider.checksummed() + " rate-limited this wallet (429 Too many requests"
                + (detail.isBlank() ? "" : ": " + detail) + "): wait " + describe(retryAfter)
                + " and retry; reduce the request rate (default limit 30 requests/min) and keep at most"
                + " 5 requests in flight at once");
        this.provider = provider;
        this.retryAfter = retryAfter;
    }

    public Address provider() {
        return provider;
    }

    /** How long the provider asked us to wait before the next request. */
    public Duration retryAfter() {
        return retryAfter;
    }

    private static String describe(Duration wait) {
        long millis = wait.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}
