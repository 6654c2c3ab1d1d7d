package ai.zerog.compute.cli;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.PriceTier;
import ai.zerog.compute.sdk.AdditionalInfo;
import ai.zerog.compute.sdk.ModelInfo;
import ai.zerog.compute.sdk.ServiceHealth;
import ai.zerog.compute.sdk.StatusSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** A registered service as the rows of the official provider tables (CLI-AND-UI.md §5.1, §5.3) or JSON. */
final class ServiceView {
    static final String FOOTNOTE = "Note: Health metrics come from the 0G status API (" + StatusLookup.VARIABLE
            + " overrides it). Providers without metrics may be newly registered or temporarily unavailable;"
            + " model details come from the status API too.";
    private static final int DESCRIPTION_LIMIT = 80;

    private ServiceView() {
    }

    /** The rows of service number {@code index} (1-based): {@code list-providers}. */
    static void addRows(Table table, int index, Service service) {
        addRows(table, index, service, Optional.empty());
    }

    /**
     * The rows of service number {@code index}; with {@code status} (the detail view) also the model
     * details, USD prices and health the status API knows, and our URL and signer rows.
     */
    static void addRows(Table table, int index, Service service, Optional<StatusSnapshot> status) {
        String provider = service.provider().checksummed();
        AdditionalInfo info = AdditionalInfo.parse(service.additionalInfo());
        Optional<ModelInfo> model = status.flatMap(s -> s.model(service.provider(), service.model()));
        table.row("Provider " + index, provider);
        table.row("Service Type", service.serviceType());
        if (info.multiModel()) {
            table.row("Models", "multi-model" + info.priceDenomination().map(d -> " (" + d + ")").orElse("")
                    + "\nRun: 0g-compute-cli inference get-models --provider " + provider);
        } else {
            table.row("Model", service.model().isBlank() ? "N/A" : service.model());
        }
        model.ifPresent(m -> addModelRows(table, m));
        addPriceRows(table, service, info, model);
        table.row("Verifiability", service.verifiability().isBlank() ? "N/A" : service.verifiability());
        if (status.isPresent()) {
            addHealthRows(table, status.get().providerHealth(service.provider(), service.model()));
            table.row("URL", service.url());
            table.row("TEE Signer", service.teeSignerAddress().checksummed());
            table.row("TEE Signer Acknowledged",
                    service.teeSignerAcknowledged() ? "✓ yes" : "✗ no (hidden without --include-invalid)");
            if (model.flatMap(ModelInfo::teeVerifier).isEmpty()) {
                info.teeVerifier().ifPresent(verifier -> table.row("TEE Verifier", verifier));
            }
        }
    }

    private static void addModelRows(Table table, ModelInfo model) {
        model.name().ifPresent(name -> table.row("Model Name", name));
        model.description().ifPresent(text -> table.row("Description",
                text.length() > DESCRIPTION_LIMIT ? text.substring(0, DESCRIPTION_LIMIT - 3) + "..." : text));
        model.contextLength().ifPresent(n -> table.row("Context Length", grouped(n) + " tokens"));
        model.maxCompletionTokens().ifPresent(n -> table.row("Max Completion Tokens", grouped(n) + " tokens"));
        model.tokenizer().ifPresent(tokenizer -> table.row("Tokenizer", tokenizer));
        model.ownedBy().ifPresent(owner -> table.row("Owned By", owner));
        model.teeType().ifPresent(type -> table.row("TEE Type", type));
        model.teeVerifier().ifPresent(verifier -> table.row("TEE Verifier", verifier));
        if (!model.supportedParameters().isEmpty()) {
            table.row("Supported Parameters", String.join(", ", model.supportedParameters()));
        }
    }

    private static void addPriceRows(Table table, Service service, AdditionalInfo info, Optional<ModelInfo> model) {
        boolean image = isImage(service.serviceType());
        if (service.serviceType().equals("speech-to-text")) {
            table.row("Price Per Second (0G)", Og.price(service.inputPrice()));
            return;
        }
        Optional<ModelInfo.Prices> usd = model.flatMap(ModelInfo::pricingUsd);
        if (usd.isPresent() && info.priceDenomination().filter("USD"::equals).isPresent()) {
            table.row("Pricing (USD)", ModelPricing.cell(model.get(), true));
            return;
        }
        List<PriceTier> tiers = info.tiered() ? info.tiers() : model.map(ModelInfo::tiers).orElse(List.of());
        OptionalLong divisor = info.cacheDivisor().isPresent() ? info.cacheDivisor()
                : model.map(ModelInfo::cacheDivisor).orElse(OptionalLong.empty());
        if (!tiers.isEmpty() && !image) {
            addTierRows(table, service.inputPrice(), service.outputPrice(), tiers, divisor);
        } else {
            if (!image) {
                table.row("Input Price Per Token (0G)", Og.price(service.inputPrice()));
            }
            table.row(image ? "Price Per Image (OG)" : "Output Price Per Token (0G)", Og.price(service.outputPrice()));
            if (!image && divisor.isPresent() && service.inputPrice().signum() > 0) {
                table.row("Cache Hit Price Per Token (0G)",
                        Og.price(service.inputPrice().divide(BigInteger.valueOf(divisor.getAsLong()))));
            }
        }
        usd.ifPresent(prices -> {
            if (!image) {
                prices.prompt().ifPresent(p -> table.row("Input Price Per Token (USD)", PriceText.decimal(p)));
            }
            if (prices.image().isPresent()) {
                table.row("Price Per Image (USD)", PriceText.decimal(prices.image().get()));
            } else {
                prices.completion().ifPresent(p -> table.row(image ? "Price Per Image (USD)"
                        : "Output Price Per Token (USD)", PriceText.decimal(p)));
            }
        });
    }

    /**
     * {@code Tiered Pricing (0G/Token) │ Enabled}, then per tier {@code   Input 0-32k tokens │ In: … / Out: …}
     * (+ {@code / Cache: …}): base prices times the tier's multipliers, the cache price the tier's input
     * price divided by the divisor (whole neuron).
     */
    static void addTierRows(Table table, BigInteger input, BigInteger output, List<PriceTier> tiers,
                            OptionalLong cacheDivisor) {
        table.row("Tiered Pricing (0G/Token)", "Enabled");
        List<String> ranges = PriceText.ranges(tiers);
        for (int i = 0; i < tiers.size(); i++) {
            BigInteger tierInput = tiers.get(i).input().timesRounded(input);
            String prices = "In: " + PriceText.tierPrice(tierInput) + " / Out: "
                    + PriceText.tierPrice(tiers.get(i).output().timesRounded(output));
            if (cacheDivisor.isPresent()) {
                prices += " / Cache: " + PriceText.tierPrice(tierInput.divide(BigInteger.valueOf(cacheDivisor.getAsLong())));
            }
            table.row("  Input " + ranges.get(i) + " tokens", prices);
        }
    }

    private static void addHealthRows(Table table, Optional<ServiceHealth> health) {
        Optional<ServiceHealth> known = health.filter(h -> !h.status().isEmpty());
        if (known.isEmpty()) {
            table.row("Health Status", "No metrics available");
            return;
        }
        table.row("Health Status", switch (known.get().status()) {
            case "healthy" -> "✓ Healthy";
            case "warning" -> "⚠ Warning";
            default -> "✗ Critical";
        });
        known.get().uptime().ifPresent(uptime -> table.row("Uptime", PriceText.decimal(uptime) + "%"));
    }

    /** Health and uptime cells in colour, when colours are on. */
    static String paint(String table, Colours colours) {
        return colours.paintColumn(table, 1, (label, text) -> switch (label) {
            case "Health Status" -> Colours.health(text);
            case "Uptime" -> Colours.uptime(text);
            default -> Optional.empty();
        });
    }

    static ObjectNode json(Service service) {
        ObjectNode node = JsonOption.object();
        node.put("provider", service.provider().checksummed());
        node.put("serviceType", service.serviceType());
        node.put("url", service.url());
        node.put("model", service.model());
        node.put("inputPrice", Og.plain(service.inputPrice()));
        node.put("outputPrice", Og.plain(service.outputPrice()));
        node.put("inputPriceNeuron", service.inputPrice().toString());
        node.put("outputPriceNeuron", service.outputPrice().toString());
        node.put("verifiability", service.verifiability());
        node.put("teeSignerAddress", service.teeSignerAddress().checksummed());
        node.put("teeSignerAcknowledged", service.teeSignerAcknowledged());
        node.put("additionalInfo", service.additionalInfo());
        node.put("updatedAt", service.updatedAt().toString());
        return node;
    }

    /** The detail view's JSON: {@link #json} plus {@code health} and {@code modelInfo} when the status API knows them. */
    static ObjectNode json(Service service, StatusSnapshot status) {
        ObjectNode node = json(service);
        status.providerHealth(service.provider(), service.model()).ifPresent(h -> node.set("health", health(h)));
        status.model(service.provider(), service.model()).ifPresent(m -> node.set("modelInfo", tree(m.json())));
        return node;
    }

    static ObjectNode health(ServiceHealth health) {
        ObjectNode node = JsonOption.object().put("model", health.model()).put("status", health.status());
        health.uptime().ifPresent(u -> node.put("uptime", u));
        health.responseTime().ifPresent(t -> node.putObject("responseTime").put("avg", t.average()).put("unit", t.unit()));
        health.lastCheck().ifPresent(c -> node.put("lastCheck", c));
        return node;
    }

    static String render(List<Service> services, Optional<StatusSnapshot> status) {
        Table table = Table.withWidths(40, 60);
        for (int i = 0; i < services.size(); i++) {
            addRows(table, i + 1, services.get(i), status);
        }
        return table.render();
    }

    /** A JSON text the SDK already parsed once, as a tree for the output. */
    static JsonNode tree(String json) {
        try {
            return CliJson.MAPPER.readTree(json);
        } catch (java.io.IOException unreachable) {
            return CliJson.MAPPER.getNodeFactory().textNode(json);
        }
    }

    static boolean isImage(String serviceType) {
        return serviceType.equals("text-to-image") || serviceType.equals("image-editing");
    }

    /** {@code 128,000}, as the official CLI's {@code toLocaleString()} shows counts. */
    private static String grouped(long count) {
        return NumberFormat.getIntegerInstance(Locale.US).format(count);
    }
}
