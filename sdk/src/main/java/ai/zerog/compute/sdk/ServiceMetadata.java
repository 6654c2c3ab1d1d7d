package ai.zerog.compute.sdk;

import java.net.URI;
import java.util.Objects;

/**
 * Where to send OpenAI-style requests for one provider: {@code endpoint} is the provider URL plus
 * {@code /v1/proxy} (PROTOCOL.md §4.1) and {@code model} the model id to put in the body.
 */
public record ServiceMetadata(URI endpoint, String model) {
    public ServiceMetadata {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(model, "model");
    }
}
