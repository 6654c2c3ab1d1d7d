package ai.zerog.compute.cli;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.AdditionalInfo;
import ai.zerog.compute.sdk.InferenceBroker;
import ai.zerog.compute.sdk.ModelInfo;
import ai.zerog.compute.sdk.ProviderModels;
import ai.zerog.compute.sdk.ServiceHealth;
import ai.zerog.compute.sdk.StatusSnapshot;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code inference get-models --provider <address>}: the provider's live model catalogue
 * ({@code /v1/models}) with each model's health from the status API (CLI-AND-UI.md §5.2).
 */
@Command(name = "get-models", mixinStandardHelpOptions = true, description = "List the models a provider serves",
        footer = {"", "The Health column comes from the 0G status API of the chain; set ZG_STATUS_API=<url> to ask"
                + " another one, or ZG_STATUS_API=off to skip it."})
final class GetModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    JsonOption json;

    @Mixin
    ProviderOption providerOption;

    @Override
    public Integer call() {
        Address provider = providerOption.address();
        CliEnvironment environment = ZgComputeCli.environment(spec);
        Service service;
        ProviderModels models;
        CompletableFuture<StatusSnapshot> status;
        try (CliSession session = CliBrokers.readOnly(environment, network)) {
            status = StatusLookup.healthInBackground(environment, session.network().chainId());
            InferenceBroker inference = session.broker().inference();
            service = inference.getService(provider);
            models = inference.providerModels(provider);
        }
        AdditionalInfo info = AdditionalInfo.parse(service.additionalInfo());
        List<ModelInfo> served = models.models().stream().map(m -> ModelInfo.parse(m.json())).toList();
        Map<String, ServiceHealth> health = status.join().healthByModel(provider, served);
        if (json.enabled()) {
            environment.out().print(JsonOption.render(json(models, info, served, health)));
            return ExitCodes.OK;
        }
        var out = environment.out();
        out.println("Provider:      " + models.provider().checksummed());
        out.println("Multi-model:   " + (info.multiModel() ? "yes" : "no")
                + info.priceDenomination().map(d -> " (" + d + ")").orElse(""));
        out.println("Default model: " + (models.defaultModel().isBlank() ? "N/A" : models.defaultModel()));
        if (served.isEmpty()) {
            out.println("No models returned by the provider /v1/models endpoint.");
            return ExitCodes.OK;
        }
        boolean usd = info.priceDenomination().filter("USD"::equals).isPresent();
        Table table = Table.withWidths(24, 10, 44, 20).header("Model", "Type", "Pricing (" + (usd ? "USD" : "0G") + ")",
                "Health");
        for (ModelInfo model : served) {
            table.row(model.id(), model.type().orElse("-"), ModelPricing.cell(model, usd),
                    healthCell(Optional.ofNullable(health.get(model.id()))));
        }
        out.print(paint(table.render(), Colours.of(environment)));
        return ExitCodes.OK;
    }

    /** {@code ✓ healthy}, {@code 99.5% up}, {@code 120ms resp}; {@code -} without metrics. */
    static String healthCell(Optional<ServiceHealth> health) {
        if (health.isEmpty()) {
            return "-";
        }
        List<String> lines = new ArrayList<>();
        lines.add(switch (health.get().status()) {
            case "healthy" -> "✓ healthy";
            case "warning" -> "⚠ warning";
            case "critical" -> "✗ critical";
            default -> "? unknown";
        });
        health.get().uptime().ifPresent(uptime -> lines.add(PriceText.decimal(uptime) + "% up"));
        health.get().responseTime().ifPresent(time -> lines.add(
                time.average().setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + time.unit() + " resp"));
        return String.join("\n", lines);
    }

    /** The Health column in colour, when colours are on. */
    static String paint(String table, Colours colours) {
        return colours.paintColumn(table, 3, (label, text) -> Colours.health(text).or(() -> text.endsWith("% up")
                ? Colours.uptime(text) : Optional.empty()));
    }

    private static ObjectNode json(ProviderModels models, AdditionalInfo info, List<ModelInfo> served,
                                   Map<String, ServiceHealth> health) {
        ObjectNode node = JsonOption.object().put("provider", models.provider().checksummed())
                .put("url", models.url().toString()).put("multiModel", info.multiModel())
                .put("defaultModel", models.defaultModel());
        info.priceDenomination().ifPresent(d -> node.put("priceDenomination", d));
        ArrayNode list = node.putArray("models");
        for (ModelInfo model : served) {
            ObjectNode entry = ServiceView.tree(model.json()) instanceof ObjectNode object ? object
                    : JsonOption.object().put("id", model.id());
            Optional.ofNullable(health.get(model.id())).ifPresent(h -> entry.set("health", ServiceView.health(h)));
            list.add(entry);
        }
        return node;
    }
}
