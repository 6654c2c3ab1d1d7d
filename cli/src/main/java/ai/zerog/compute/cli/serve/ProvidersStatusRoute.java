package ai.zerog.compute.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /v1/providers/status} (as router-serve has it) and {@code GET /health}: every target
 * with its availability, and the overall status ({@code ok} while one is available).
 */
final class ProvidersStatusRoute implements ProxyRoute {
    static final String PATH = "/v1/providers/status";
    static final String HEALTH = "/health";

    private final TargetPool pool;

    ProvidersStatusRoute(TargetPool pool) {
        this.pool = pool;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        ObjectNode body = ClientBodies.JSON.createObjectNode();
        long available = pool.status().stream().filter(TargetStatus::available).count();
        body.put("status", available > 0 ? "ok" : "degraded");
        ArrayNode providers = body.putArray("providers");
        for (TargetStatus status : pool.status()) {
            ObjectNode node = providers.addObject().put("id", status.id()).put("type", status.kind())
                    .put("endpoint", status.url()).put("model", status.model()).put("priority", status.priority())
                    .put("available", status.available());
            status.lastError().ifPresentOrElse(e -> node.put("lastError", e), () -> node.putNull("lastError"));
        }
        try {
            response.header("Content-Type", "application/json").send(ClientBodies.JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw ClientRequestException.invalid("cannot write the status: " + e.getOriginalMessage());
        }
    }
}
