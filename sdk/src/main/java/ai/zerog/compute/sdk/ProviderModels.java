package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What {@code GET {url}/v1/models} lists for one provider (PROTOCOL.md §4.7), with the on-chain
 * default model. Each entry keeps its id and the object's raw JSON for fields not modelled here.
 */
public record ProviderModels(Address provider, URI url, String defaultModel, List<Model> models) {
    public ProviderModels {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(defaultModel, "defaultModel");
        models = List.copyOf(models);
    }

    /** One model object: its {@code id} and the object as JSON text. */
    public record Model(String id, String json) {
        public Model {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(json, "json");
        }
    }
}
