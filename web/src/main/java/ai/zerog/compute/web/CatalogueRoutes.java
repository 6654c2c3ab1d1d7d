package ai.zerog.compute.web;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ProviderModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The provider catalogue: every registered service with prices, verifiability and, when the
 * status API answers, 0G's monitoring figures; each provider's live health and models
 * ({@code GET /v1/models} through the SDK); and {@code verifyService} with its steps streamed to
 * the page.
 */
final class CatalogueRoutes {
    private final Wallets wallets;
    private final ServiceVerifier verifier;
    private final StatusBoard status;

    CatalogueRoutes(Wallets wallets, ServiceVerifier verifier, StatusBoard status) {
        this.wallets = wallets;
        this.verifier = verifier;
        this.status = status;
    }

    void register(HttpRouting.Builder routing) {
        routing.get("/api/providers", ApiHandler.guarded(this::list))
                .get("/api/providers/{address}/health", ApiHandler.guarded(this::health))
                .post("/api/providers/{address}/verify", ApiHandler.guarded(this::verify))
                .get("/api/providers/{address}/reports/{type}", ApiHandler.guarded(this::report));
    }

    /**
     * The services with, per service, {@code monitoring} from the status API: its figures, or
     * {@code known: false} when it does not monitor the service. Without an answering status API
     * (off, unreachable, slow) there is no {@code monitoring} at all and {@code statusApi.state} says why.
     */
    private void list(ServerRequest request, ServerResponse response) {
        CompletableFuture<StatusBoard.Reading> reading = CompletableFuture.supplyAsync(status::current,
                task -> Thread.ofVirtual().start(task));
        List<Service> services = wallets.reader().inference().listServices(true);
        StatusBoard.Reading health = reading.join();
        ObjectNode body = Json.object();
        ObjectNode source = body.putObject("statusApi").put("state", health.state().name().toLowerCase(Locale.ROOT));
        status.endpoint().ifPresent(url -> source.put("url", url.toString()));
        ArrayNode providers = body.putArray("providers");
        for (Service service : services) {
            ObjectNode view = Views.service(service);
            if (health.state() == StatusBoard.State.OK) {
                view.set("monitoring", StatusBoard.healthOf(health.snapshot(), service.provider(), service.model())
                        .map(Views::monitoring).orElseGet(Views::unmonitored));
            }
            providers.add(view);
        }
        Json.ok(response, body);
    }

    /** Reachability, answer time and models of one provider: one {@code /v1/models} call. */
    private void health(ServerRequest request, ServerResponse response) {
        Address provider = Params.address(request.path().pathParameters().get("address"), "provider");
        long started = System.nanoTime();
        ObjectNode body = Json.object().put("provider", provider.checksummed());
        try {
            ProviderModels models = wallets.reader().inference().providerModels(provider);
            body.put("reachable", true).put("latencyMs", (System.nanoTime() - started) / 1_000_000);
            ArrayNode list = body.putArray("models");
            for (ProviderModels.Model model : models.models()) {
                list.add(modelJson(model));
            }
        } catch (RuntimeException e) {
            body.put("reachable", false).put("error", ApiErrors.problem(e).getMessage());
        }
        Json.ok(response, body);
    }

    private static JsonNode modelJson(ProviderModels.Model model) {
        try {
            return Json.MAPPER.readTree(model.json());
        } catch (IOException e) {
            return Json.object().put("id", model.id());
        }
    }

    private void verify(ServerRequest request, ServerResponse response) {
        Address provider = Params.address(request.path().pathParameters().get("address"), "provider");
        verifier.verify(wallets.reader(), provider, response);
    }

    private void report(ServerRequest request, ServerResponse response) {
        Address provider = Params.address(request.path().pathParameters().get("address"), "provider");
        String type = request.path().pathParameters().get("type");
        byte[] report = verifier.report(provider, type).orElseThrow(() -> new ApiProblem(404, "no " + type
                + " report for provider " + provider.checksummed() + " yet: press Verify first"));
        response.header("Content-Type", "application/json")
                .header("Content-Disposition", "attachment; filename=\"" + type.replaceAll("[^a-z]", "")
                        + "_attestation_report.json\"")
                .send(report);
    }
}
