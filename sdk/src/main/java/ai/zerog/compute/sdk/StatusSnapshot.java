package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the status API said at one moment: {@code /health} entries and the {@code /models} catalogue
 * per provider. A part the API did not deliver is empty, so lookups simply find nothing.
 */
public record StatusSnapshot(List<ServiceHealth> health, Map<Address, List<ModelInfo>> models) {
    public StatusSnapshot {
        health = List.copyOf(health);
        Map<Address, List<ModelInfo>> copy = new HashMap<>();
        Objects.requireNonNull(models, "models").forEach((provider, list) -> copy.put(provider, List.copyOf(list)));
        models = Map.copyOf(copy);
    }

    /** Nothing known: the lookup was switched off or failed. */
    public static StatusSnapshot empty() {
        return new StatusSnapshot(List.of(), Map.of());
    }

    /** The provider's entry for {@code model}, else the provider's last entry (the official tables key health by provider). */
    public Optional<ServiceHealth> providerHealth(Address provider, String model) {
        List<ServiceHealth> own = health.stream().filter(h -> h.provider().equals(provider)).toList();
        return own.stream().filter(h -> h.model().equals(model)).findFirst()
                .or(() -> own.isEmpty() ? Optional.empty() : Optional.of(own.getLast()));
    }

    /** The status API's model object {@code id} of {@code provider}. */
    public Optional<ModelInfo> model(Address provider, String id) {
        return models.getOrDefault(provider, List.of()).stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * Health per served model id, matched as the official SDK does: by model id, else by the
     * model's {@code canonical_id}, else, when the provider serves one model and the API has one
     * entry for it, that entry (the two sides sometimes name the same model differently).
     */
    public Map<String, ServiceHealth> healthByModel(Address provider, List<ModelInfo> served) {
        List<ServiceHealth> own = health.stream()
                .filter(h -> h.provider().equals(provider) && !h.model().isEmpty()).toList();
        Map<String, ServiceHealth> byModel = new HashMap<>();
        own.forEach(h -> byModel.put(h.model(), h));
        Map<String, ServiceHealth> result = new HashMap<>();
        for (ModelInfo model : served) {
            Optional<ServiceHealth> match = Optional.ofNullable(byModel.get(model.id()))
                    .or(() -> model.canonicalId().map(byModel::get));
            if (match.isEmpty() && served.size() == 1 && own.size() == 1) {
                match = Optional.of(own.getFirst());
            }
            match.ifPresent(h -> result.put(model.id(), h));
        }
        return Map.copyOf(result);
    }

    static List<ServiceHealth> parseHealth(JsonNode body) {
        List<ServiceHealth> entries = new ArrayList<>();
        if (body.path("services").isArray()) {
            body.path("services").forEach(entry -> ServiceHealth.parse(entry).ifPresent(entries::add));
        }
        return entries;
    }

    static Map<Address, List<ModelInfo>> parseModels(JsonNode body) {
        Map<Address, List<ModelInfo>> byProvider = new HashMap<>();
        if (body.path("data").isArray()) {
            body.path("data").forEach(model -> address(model.path("provider")).ifPresent(provider ->
                    byProvider.computeIfAbsent(provider, p -> new ArrayList<>()).add(ModelInfo.of(model))));
        }
        return byProvider;
    }

    /** A provider address as the API sends it; case is not trusted (the official SDK compares lowercased). */
    static Optional<Address> address(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Address.of(node.asText().strip().toLowerCase(java.util.Locale.ROOT)));
        } catch (CoreException notAnAddress) {
            return Optional.empty();
        }
    }
}
