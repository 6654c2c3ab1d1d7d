package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.ContractRevertException;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.Page;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Registered services: listed across all pages, read per provider (cached 10 min, PROTOCOL.md §3.7),
 * and a provider's model catalogue from {@code GET {url}/v1/models} (§4.7).
 */
final class ServiceDirectory {
    static final Duration SERVICE_TTL = Duration.ofMinutes(10);
    static final Duration MODELS_TIMEOUT = Duration.ofSeconds(10);
    static final int MODELS_MAX_BYTES = 5 * 1024 * 1024;
    static final int PAGE_SIZE = 50;

    private record Cached(Service service, long expiresAtMs) {}

    private final InferenceServingContract contract;
    private final ProviderHttp http;
    private final Clock clock;
    private final ConcurrentMap<Address, Cached> services = new ConcurrentHashMap<>();

    ServiceDirectory(InferenceServingContract contract, ProviderHttp http, Clock clock) {
        this.contract = contract;
        this.http = http;
        this.clock = clock;
    }

    List<Service> list(boolean includeUnacknowledged) {
        List<Service> all = new ArrayList<>();
        long offset = 0;
        while (true) {
            long from = offset;
            Page<Service> page = ChainFailures.call("listing services", () -> contract.getAllServices(from, PAGE_SIZE));
            page.items().stream().filter(s -> includeUnacknowledged || s.teeSignerAcknowledged()).forEach(all::add);
            offset += page.items().size();
            if (page.items().isEmpty() || BigInteger.valueOf(offset).compareTo(page.total()) >= 0) {
                return List.copyOf(all);
            }
        }
    }

    /** Read fresh from chain (and cached); an unknown provider is refused as bad input. */
    Service fresh(Address provider) {
        Service service = ChainFailures.call("reading the service of provider " + provider.checksummed(), () -> {
            try {
                return contract.getService(provider);
            } catch (ContractRevertException e) {
                if (e.errorName().equals("ServiceNotExist")) {
                    throw new InvalidInputException("provider " + provider.checksummed() + " has no registered service:"
                            + " pick one from `0g-compute-cli inference list-providers` (SDK: inference().listServices())",
                            e);
                }
                throw e;
            }
        });
        services.put(provider, new Cached(service, clock.millis() + SERVICE_TTL.toMillis()));
        return service;
    }

    Service cached(Address provider) {
        Cached entry = services.get(provider);
        return entry != null && entry.expiresAtMs() > clock.millis() ? entry.service() : fresh(provider);
    }

    ProviderModels models(Address provider) {
        Service service = cached(provider);
        URI url = URI.create(service.url() + "/v1/models");
        ProviderHttp.Answer answer = http.get(url, Map.of(), MODELS_TIMEOUT, MODELS_MAX_BYTES);
        if (!answer.ok()) {
            throw ProviderHttp.failure(provider, url, answer, Optional.empty());
        }
        JsonNode data;
        try {
            data = Jsons.MAPPER.readTree(answer.body()).path("data");
        } catch (IOException e) {
            throw new SdkException("provider " + provider.checksummed() + " answered " + url + " with invalid JSON: "
                    + e.getMessage() + "; the provider is misconfigured, pick another one", e);
        }
        if (!data.isArray()) {
            throw new SdkException("provider " + provider.checksummed() + " answered " + url
                    + " without a \"data\" array; the provider is misconfigured, pick another one");
        }
        List<ProviderModels.Model> models = new ArrayList<>();
        for (JsonNode model : data) {
            models.add(new ProviderModels.Model(model.path("id").asText(""), model.toString()));
        }
        return new ProviderModels(provider, URI.create(service.url()), service.model(), models);
    }
}
