package ai.zerog.compute.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /v1/models}: the OpenAI model list of every target, in priority order, one entry per
 * model id. A provider's own catalogue ({@code GET {url}/v1/models}) is used when it answers,
 * its on-chain model otherwise; lists are kept for a minute.
 */
final class ModelsRoute implements ProxyRoute {
    static final String PATH = "/v1/models";
    static final Duration CACHE_TTL = Duration.ofMinutes(1);

    /** A target's model objects as JSON; throws when the target cannot be asked. */
    @FunctionalInterface
    interface Catalogue {
        List<ObjectNode> models(Upstream upstream);
    }

    private record Cached(List<ObjectNode> models, Instant expiresAt) {}

    private final TargetPool pool;
    private final Catalogue catalogue;
    private final Clock clock;
    private final ProxyLog log;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ModelsRoute(TargetPool pool, Catalogue catalogue, Clock clock, ProxyLog log) {
        this.pool = pool;
        this.catalogue = catalogue;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (Upstream upstream : pool.all()) {
            for (ObjectNode model : modelsOf(upstream)) {
                byId.putIfAbsent(model.path("id").asText(), model);
            }
        }
        ObjectNode list = ClientBodies.JSON.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        byId.values().forEach(data::add);
        try {
            response.header("Content-Type", "application/json").send(ClientBodies.JSON.writeValueAsBytes(list));
        } catch (JsonProcessingException e) {
            throw ClientRequestException.invalid("cannot write the model list: " + e.getOriginalMessage());
        }
    }

    private List<ObjectNode> modelsOf(Upstream upstream) {
        Cached cached = cache.get(upstream.id());
        if (cached != null && clock.instant().isBefore(cached.expiresAt())) {
            return cached.models();
        }
        List<ObjectNode> models;
        try {
            models = catalogue.models(upstream).stream()
                    .filter(m -> m.path("id").isTextual() && !m.path("id").asText().isBlank())
                    .map(m -> normalised(m, upstream))
                    .toList();
        } catch (RuntimeException e) {
            log.warn("GET " + PATH + ": " + upstream.id() + " has no model list (" + e.getMessage()
                    + "); listing its registered model");
            models = List.of();
        }
        if (models.isEmpty()) {
            models = List.of(normalised(ClientBodies.JSON.createObjectNode().put("id", upstream.model()), upstream));
        }
        cache.put(upstream.id(), new Cached(models, clock.instant().plus(CACHE_TTL)));
        return models;
    }

    private static ObjectNode normalised(ObjectNode model, Upstream upstream) {
        ObjectNode copy = model.deepCopy();
        copy.put("object", "model");
        if (!copy.has("created")) {
            copy.put("created", 0);
        }
        if (!copy.path("owned_by").isTextual()) {
            copy.put("owned_by", upstream.id());
        }
        return copy;
    }
}
