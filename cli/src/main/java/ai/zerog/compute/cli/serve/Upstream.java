package ai.zerog.compute.cli.serve;

import ai.zerog.compute.core.Address;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A target resolved at start-up: the OpenAI-compatible base URL requests go to ({@code url/v1/proxy}
 * for a provider), its model, whether its answers carry TEE signatures, and the headers that
 * authenticate a request (a fresh SDK session header per call for providers).
 */
record Upstream(ProxyTarget target, URI base, String model, String serviceType, boolean signsAnswers,
                Supplier<Map<String, String>> authorization) {
    /** The service type of a direct endpoint: it may serve any route. */
    static final String ANY_TYPE = "*";

    String id() {
        return target.id();
    }

    String kind() {
        return target instanceof ProxyTarget.Provider ? "provider" : "endpoint";
    }

    Optional<Address> provider() {
        return target instanceof ProxyTarget.Provider p ? Optional.of(p.address()) : Optional.empty();
    }

    /** {@code base + path}, where path is an OpenAI path such as {@code /chat/completions}. */
    URI resolve(String path) {
        return URI.create(base + path);
    }
}
