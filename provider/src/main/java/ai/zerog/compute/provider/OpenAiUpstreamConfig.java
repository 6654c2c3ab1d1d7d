package ai.zerog.compute.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how {@link OpenAiUpstream} reaches an OpenAI-compatible server. {@code baseUrl} is
 * the API root including {@code /v1} (e.g. {@code http://host:8000/v1}; a trailing slash is
 * dropped); {@code apiKey} is sent as {@code Authorization: Bearer …} when present;
 * {@code connectTimeout} bounds the TCP/TLS connect; {@code idleTimeout} bounds every wait for
 * the next bytes (response headers, then each gap in the body) but never a whole answer, so a
 * long stream that keeps producing tokens is not cut. {@link #toString()} hides the key.
 */
public record OpenAiUpstreamConfig(URI baseUrl, Optional<String> apiKey, Duration connectTimeout, Duration idleTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Generous, because a non-streaming answer sends nothing until it is complete. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMinutes(5);
    static final Duration MAX_IDLE_TIMEOUT = Duration.ofHours(1);

    public OpenAiUpstreamConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        baseUrl = checkBaseUrl(baseUrl);
        apiKey.ifPresent(OpenAiUpstreamConfig::checkApiKey);
        checkTimeout("connectTimeout", connectTimeout, MAX_CONNECT_TIMEOUT);
        checkTimeout("idleTimeout", idleTimeout, MAX_IDLE_TIMEOUT);
    }

    /** No key, default timeouts. */
    public static OpenAiUpstreamConfig of(URI baseUrl) {
        return new OpenAiUpstreamConfig(baseUrl, Optional.empty(), DEFAULT_CONNECT_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
    }

    public OpenAiUpstreamConfig withApiKey(String key) {
        return new OpenAiUpstreamConfig(baseUrl, Optional.of(key), connectTimeout, idleTimeout);
    }

    public OpenAiUpstreamConfig withConnectTimeout(Duration timeout) {
        return new OpenAiUpstreamConfig(baseUrl, apiKey, timeout, idleTimeout);
    }

    public OpenAiUpstreamConfig withIdleTimeout(Duration timeout) {
        return new OpenAiUpstreamConfig(baseUrl, apiKey, connectTimeout, timeout);
    }

    @Override
    public String toString() {
        return "OpenAiUpstreamConfig[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isPresent() ? "<set>" : "<none>")
                + ", connectTimeout=" + connectTimeout + ", idleTimeout=" + idleTimeout + "]";
    }

    private static URI checkBaseUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new ProviderException("baseUrl must be an absolute http(s) URL such as http://host:8000/v1, got " + url);
        }
        if (url.getRawUserInfo() != null) {
            throw new ProviderException("baseUrl must not contain credentials (set apiKey instead), got host "
                    + url.getHost());
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new ProviderException("baseUrl must not have a query or fragment, got " + url);
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }

    private static void checkApiKey(String key) {
        if (key.isBlank() || key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ProviderException("apiKey must be non-blank and free of control characters");
        }
    }

    private static void checkTimeout(String key, Duration value, Duration max) {
        if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new ProviderException(key + " must be in (0, " + max + "], got " + value);
        }
    }
}
