package ai.zerog.compute.cli.serve;

import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which browser pages may call the proxy. Without a client API key only pages served from this
 * machine may, so a web site the user happens to visit cannot spend their funds through it (nor
 * reach it by DNS rebinding); a request from any other origin is refused before it is forwarded,
 * since a plain form post would not even need a preflight.
 */
final class CorsPolicy {
    static final String EXPOSED = "x-0g-verified, x-0g-provider, x-0g-chat-id, x-0g-verification-reason, ZG-Res-Key, "
            + "Retry-After, x-ratelimit-limit-requests, x-ratelimit-remaining-requests, x-ratelimit-reset-requests";
    private static final String METHODS = "GET, POST, OPTIONS";
    private static final String DEFAULT_HEADERS = "Authorization, Content-Type, Accept, Origin, X-Requested-With";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final List<String> origins;
    private final boolean anyOrigin;

    CorsPolicy(List<String> configured, boolean clientApiKey) {
        this.origins = configured.stream().map(o -> o.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT)).toList();
        this.anyOrigin = origins.contains("*") || (configured.isEmpty() && clientApiKey);
    }

    /** Requests without an {@code Origin} header come from programs, not pages, and are always allowed here. */
    boolean allows(Optional<String> origin) {
        if (origin.isEmpty() || anyOrigin) {
            return true;
        }
        String asked = origin.get().strip().toLowerCase(Locale.ROOT);
        return origins.isEmpty() ? isLocal(asked) : origins.contains(asked);
    }

    void apply(String origin, Optional<String> requestedHeaders, ServerResponse response) {
        response.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        if (!anyOrigin) {
            response.header("Vary", "Origin");
        }
        response.header("Access-Control-Allow-Methods", METHODS);
        // openai-node adds x-stainless-* headers; the origin is already vetted, so grant what is asked
        response.header("Access-Control-Allow-Headers", requestedHeaders.filter(h -> !h.isBlank()).orElse(DEFAULT_HEADERS));
        response.header("Access-Control-Expose-Headers", EXPOSED);
        response.header("Access-Control-Max-Age", "86400");
    }

    private static boolean isLocal(String origin) {
        try {
            URI uri = URI.create(origin);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            return ("http".equals(scheme) || "https".equals(scheme)) && host != null
                    && (LOCAL_HOSTS.contains(host) || host.endsWith(".localhost"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
