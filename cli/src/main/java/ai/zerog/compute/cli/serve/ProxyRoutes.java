package ai.zerog.compute.cli.serve;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Optional;

/**
 * Every path the proxy serves, behind the same three gates: a browser origin must be allowed
 * (CORS; preflights answered here, without a key), then the client API key if one is set, then
 * the route. The proxy's own refusals are OpenAI-style errors; provider errors pass through as
 * the {@link Forwarder} got them.
 */
final class ProxyRoutes implements Handler {
    private record Route(Method method, ProxyRoute handler) {}

    private final Map<String, Route> routes;
    private final CorsPolicy cors;
    private final ClientAuth auth;
    private final ProxyLog log;

    private ProxyRoutes(Map<String, Route> routes, CorsPolicy cors, ClientAuth auth, ProxyLog log) {
        this.routes = Map.copyOf(routes);
        this.cors = cors;
        this.auth = auth;
        this.log = log;
    }

    /** The production routing: billed routes through {@code forwarder}, the rest local. */
    static ProxyRoutes of(Forwarder forwarder, ClientBodies bodies, TargetPool pool, VerdictCache verdicts,
                          ModelsRoute models, ProxyConfig config, ProxyLog log) {
        ProvidersStatusRoute status = new ProvidersStatusRoute(pool);
        return new ProxyRoutes(Map.of(
                ChatCompletionsRoute.PATH, new Route(Method.POST,
                        new ChatCompletionsRoute(forwarder, bodies, config.overwriteModel())),
                ImageGenerationsRoute.PATH, new Route(Method.POST,
                        new ImageGenerationsRoute(forwarder, bodies, config.overwriteModel())),
                ImageEditsRoute.PATH, new Route(Method.POST, new ImageEditsRoute(forwarder, bodies, config.overwriteModel())),
                AudioTranscriptionsRoute.PATH, new Route(Method.POST, new AudioTranscriptionsRoute(forwarder, bodies)),
                ModelsRoute.PATH, new Route(Method.GET, models),
                VerifyRoute.PATH, new Route(Method.POST, new VerifyRoute(verdicts, bodies)),
                ProvidersStatusRoute.PATH, new Route(Method.GET, status),
                ProvidersStatusRoute.HEALTH, new Route(Method.GET, status)),
                new CorsPolicy(config.corsOrigins(), config.requiresClientApiKey()),
                new ClientAuth(config.clientApiKey()), log);
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        String path = trimmed(request.path().path());
        Method method = request.prologue().method();
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        try {
            if (!cors.allows(origin)) {
                log.warn(method.text() + " " + path + " refused: origin " + origin.get() + " is not allowed");
                throw new ClientRequestException(403, "invalid_request_error", "origin_not_allowed", "origin "
                        + origin.get() + " may not use this proxy; start it with --cors-origin " + origin.get());
            }
            origin.ifPresent(o -> cors.apply(o,
                    request.headers().first(HeaderNames.create("Access-Control-Request-Headers")), response));
            if (method == Method.OPTIONS) {
                response.status(204).send();
                return;
            }
            Route route = routes.get(path);
            if (route == null) {
                throw new ClientRequestException(404, "invalid_request_error", "unknown_url",
                        "Unknown request URL: " + method.text() + " " + path);
            }
            if (route.method() != method) {
                response.header("Allow", route.method().text());
                throw new ClientRequestException(405, "invalid_request_error", "method_not_allowed",
                        method.text() + " is not allowed on " + path + "; use " + route.method().text());
            }
            if (!path.equals(ProvidersStatusRoute.HEALTH) && !auth.accepts(request.headers().first(HeaderNames.AUTHORIZATION))) {
                response.header("WWW-Authenticate", "Bearer");
                throw new ClientRequestException(401, "invalid_request_error", "invalid_api_key",
                        "missing or wrong API key: send the proxy's client key as `Authorization: Bearer <key>`");
            }
            route.handler().handle(request, response);
        } catch (ClientRequestException e) {
            if (!response.isSent()) {
                response.status(e.status()).header("Content-Type", "application/json").send(e.body());
            }
        } catch (RuntimeException e) {
            log.warn(method.text() + " " + path + " failed: " + e);
            OpenAiErrors.send(response, 500, "the proxy failed: " + e.getMessage(), "api_error", "proxy_error");
        }
    }

    private static String trimmed(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
