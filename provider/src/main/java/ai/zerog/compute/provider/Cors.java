package ai.zerog.compute.provider;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * CORS as the official broker answers it (PROTOCOL.md §9.1): the proxy routes echo the origin
 * with credentials, the other {@code /v1} routes allow any origin. Preflights never need auth.
 */
final class Cors {
    private static final String PROXY_METHODS = "GET, POST, PUT, DELETE, OPTIONS, PATCH";
    private static final String PROXY_HEADERS = "Content-Type, Authorization, X-Requested-With, Accept, Origin";
    // our per-user limits are always on, so their headers are always exposed (§8)
    private static final String PROXY_EXPOSE = "ZG-Res-Key, Provider, Content-Type, Content-Encoding, "
            + "x-ratelimit-limit-requests, x-ratelimit-remaining-requests, x-ratelimit-reset-requests";
    private static final String OTHER_METHODS = "POST, OPTIONS, GET, PUT, DELETE, PATCH";
    private static final String OTHER_HEADERS = "Content-Type, Content-Length, Accept-Encoding, X-CSRF-Token, "
            + "Authorization, accept, origin, Cache-Control, X-Requested-With";
    private static final String OTHER_EXPOSE = "ZG-Res-Key, Retry-After";

    private Cors() {
    }

    static void apply(ServerRequest request, ServerResponse response, String path) {
        if (path.startsWith("/v1/proxy")) {
            String origin = request.headers().first(io.helidon.http.HeaderNames.ORIGIN).orElse("*");
            response.header("Access-Control-Allow-Origin", origin);
            response.header("Vary", "Origin");
            response.header("Access-Control-Allow-Credentials", "true");
            response.header("Access-Control-Allow-Methods", PROXY_METHODS);
            response.header("Access-Control-Allow-Headers", PROXY_HEADERS);
            response.header("Access-Control-Expose-Headers", PROXY_EXPOSE);
            response.header("Access-Control-Max-Age", "43200");
        } else {
            response.header("Access-Control-Allow-Origin", "*");
            response.header("Access-Control-Allow-Credentials", "true");
            response.header("Access-Control-Allow-Methods", OTHER_METHODS);
            response.header("Access-Control-Allow-Headers", OTHER_HEADERS);
            response.header("Access-Control-Expose-Headers", OTHER_EXPOSE);
            response.header("Access-Control-Max-Age", "86400");
        }
    }
}
