package ai.zerog.compute.cli.serve;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** One route of the proxy; refusals are thrown as {@link ClientRequestException}. */
@FunctionalInterface
interface ProxyRoute {
    void handle(ServerRequest request, ServerResponse response);
}
