package ai.zerog.compute.cli.serve;

import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.core.Address;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the proxy may send a request: a 0G provider registered on chain (signed session tokens,
 * verified answers) or a direct OpenAI-compatible endpoint (a static API key, answers that cannot
 * be verified). Lower {@code priority} is tried first; equal priorities keep their given order.
 */
public sealed interface ProxyTarget permits ProxyTarget.Provider, ProxyTarget.Endpoint {

    int priority();

    /** A short name for logs and headers: the provider address, or the endpoint id. */
    String id();

    static ProxyTarget provider(Address provider, int priority) {
        return new Provider(provider, priority);
    }

    static ProxyTarget endpoint(String id, URI baseUrl, String apiKey, String model, int priority) {
        return new Endpoint(id, baseUrl, apiKey, model, priority);
    }

    /** A provider from the InferenceServing contract, reached at its registered URL. */
    record Provider(Address address, int priority) implements ProxyTarget {
        public Provider {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String id() {
            return address.checksummed();
        }
    }

    /**
     * An OpenAI-compatible base URL such as {@code https://api.example.com/v1}; requests go to
     * {@code baseUrl + "/chat/completions"} and so on. {@code apiKey} may be empty (no header).
     */
    record Endpoint(String id, URI baseUrl, String apiKey, String model, int priority) implements ProxyTarget {
        public Endpoint {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(model, "model");
            if (id.isBlank()) {
                throw new CliFailure("an endpoint needs an id", "Use --add-endpoint id,endpoint,apikey,model,priority");
            }
            String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
                throw new CliFailure("endpoint " + id + " URL '" + baseUrl + "' must start with http:// or https://",
                        "Use --add-endpoint id,https://host/v1,apikey,model,priority");
            }
            if (model.isBlank()) {
                throw new CliFailure("endpoint " + id + " needs a model", "Use --add-endpoint id,endpoint,apikey,model,priority");
            }
            String text = baseUrl.toString();
            baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }

        @Override
        public String toString() {
            return "Endpoint[id=" + id + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "none" : "***")
                    + ", model=" + model + ", priority=" + priority + "]";
        }
    }
}
