package ai.zerog.compute.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps other web sites out of the API. The server is on loopback, but any page in the user's
 * browser can aim requests at it: the Host must be a loopback name (defeats DNS rebinding), an
 * Origin, when sent, must be ours, cross-site fetches are refused, and bodies must be JSON (so a
 * cross-origin POST needs a CORS preflight, which we never grant). Every answer also carries the
 * official UI's security headers plus a same-origin content policy.
 */
final class RequestGuard {
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "media-src 'self' blob: data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private RequestGuard() {
    }

    static void securityHeaders(ServerResponse response) {
        response.header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-XSS-Protection", "1; mode=block")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    /** Refuses API requests that did not come from our own pages. */
    static void checkApiRequest(ServerRequest request) {
        String host = request.headers().first(HeaderNames.HOST).orElse("");
        if (!LOOPBACK_HOSTS.contains(hostName(host))) {
            throw new ApiProblem(403, "requests must be addressed to localhost (Host was '" + host + "')");
        }
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        if (origin.isPresent() && !origin.get().equalsIgnoreCase("http://" + host)) {
            throw new ApiProblem(403, "cross-origin requests are refused (Origin " + origin.get() + ")");
        }
        String site = request.headers().first(HeaderNames.create("Sec-Fetch-Site")).orElse("same-origin");
        if (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site")) {
            throw new ApiProblem(403, "cross-site requests are refused");
        }
        Method method = request.prologue().method();
        if (method == Method.POST || method == Method.PUT || method == Method.DELETE) {
            String type = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("").toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/json")) {
                throw new ApiProblem(415, "API requests must send Content-Type: application/json");
            }
        }
    }

    private static String hostName(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end < 0 ? hostHeader : hostHeader.substring(0, end + 1);
        }
        int colon = hostHeader.indexOf(':');
        return (colon < 0 ? hostHeader : hostHeader.substring(0, colon)).toLowerCase(Locale.ROOT);
    }
}
