package ai.zerog.compute.web;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One API endpoint. {@link #guarded} wraps it with the request guard and renders any failure as
 * the JSON the page shows; handlers that stream report their own failures once streaming began.
 */
@FunctionalInterface
interface ApiHandler {
    void handle(ServerRequest request, ServerResponse response) throws Exception;

    static Handler guarded(ApiHandler handler) {
        return (request, response) -> {
            RequestGuard.securityHeaders(response);
            try {
                RequestGuard.checkApiRequest(request);
                handler.handle(request, response);
            } catch (UncheckedIOException pageLeft) {
                Logger.getLogger(ApiHandler.class.getName()).log(Level.FINE, "the page went away", pageLeft);
            } catch (Exception e) {
                if (response.isSent()) {
                    Logger.getLogger(ApiHandler.class.getName()).log(Level.WARNING, "failure after the answer began", e);
                    return;
                }
                ApiProblem problem = ApiErrors.problem(e);
                Json.send(response, problem.status(), ApiErrors.json(e));
            }
        };
    }
}
