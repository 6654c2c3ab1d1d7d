package ai.zerog.compute.web;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ServiceVerification;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the SDK's {@code verifyService} for the page: each step is a {@code step} event as it
 * happens, the verdict a {@code done} event. The attestation reports it saves stay downloadable
 * ({@code GET /api/providers/{address}/reports/{type}}) while the server runs.
 */
final class ServiceVerifier {
    private final Path reportsRoot;
    private final Map<String, Path> reports = new ConcurrentHashMap<>();

    ServiceVerifier(Path reportsRoot) {
        this.reportsRoot = reportsRoot;
    }

    void verify(ZgComputeBroker broker, Address provider, ServerResponse response) {
        Path dir = reportsRoot.resolve(provider.checksummed());
        try (EventStream events = EventStream.open(response)) {
            try {
                ServiceVerification result = broker.inference().verifyService(provider, dir, step -> events.send("step",
                        Json.object().put("name", step.name()).put("status", step.status().name())
                                .put("detail", step.detail())));
                result.reports().forEach((type, file) -> reports.put(key(provider, type), file));
                events.send("done", json(result));
            } catch (UncheckedIOException pageLeft) {
                throw pageLeft;
            } catch (RuntimeException e) {
                events.send("error", ApiErrors.json(e));
            }
        }
    }

    /** A report saved by the last verification of {@code provider}, e.g. type {@code combined}. */
    Optional<byte[]> report(Address provider, String type) {
        Path file = reports.get(key(provider, type));
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new WebUiException("cannot read the saved report " + file + ": " + e.getMessage(), e);
        }
    }

    private static String key(Address provider, String type) {
        return provider.checksummed() + "/" + type;
    }

    private static ObjectNode json(ServiceVerification result) {
        ObjectNode json = Json.object()
                .put("provider", result.provider().checksummed())
                .put("passed", result.passed())
                .put("simulated", result.simulated())
                .put("signer", result.onChainSigner().checksummed())
                .put("teeVerifier", result.teeVerifier())
                .put("summary", result.summary());
        ArrayNode checks = json.putArray("checks");
        result.checks().forEach(c -> checks.addObject().put("type", c.type().name()).put("report", c.report())
                .put("passed", c.passed()).put("detail", c.detail()));
        ArrayNode types = json.putArray("reports");
        result.reports().keySet().stream().sorted().forEach(types::add);
        ArrayNode images = json.putArray("dockerImages");
        result.dockerImages().forEach(images::add);
        return json;
    }
}
