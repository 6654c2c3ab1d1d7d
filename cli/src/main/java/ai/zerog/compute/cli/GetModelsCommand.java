package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ProviderModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inference get-models --provider <address>}: the provider's live model catalogue ({@code /v1/models}). */
@Command(name = "get-models", mixinStandardHelpOptions = true, description = "List the models a provider serves")
final class GetModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    JsonOption json;

    @Option(names = "--provider", paramLabel = "<address>", required = true, converter = AddressConverter.class,
            description = "Provider address")
    Address provider;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        ProviderModels models;
        try (CliSession session = CliBrokers.readOnly(environment, network)) {
            models = session.broker().inference().providerModels(provider);
        }
        if (json.enabled()) {
            ObjectNode node = JsonOption.object().put("provider", models.provider().checksummed())
                    .put("url", models.url().toString()).put("defaultModel", models.defaultModel());
            ArrayNode list = node.putArray("models");
            models.models().forEach(m -> list.add(parse(m.json())));
            environment.out().print(JsonOption.render(node));
            return ExitCodes.OK;
        }
        var out = environment.out();
        out.println("Provider:      " + models.provider().checksummed());
        out.println("Multi-model:   " + (models.models().size() > 1 ? "yes" : "no"));
        out.println("Default model: " + (models.defaultModel().isBlank() ? "N/A" : models.defaultModel()));
        if (models.models().isEmpty()) {
            out.println("No models returned by the provider /v1/models endpoint.");
            return ExitCodes.OK;
        }
        Table table = Table.withWidths(24, 10, 44, 20).header("Model", "Type", "Pricing (0G)", "Health");
        for (ProviderModels.Model model : models.models()) {
            JsonNode node = parse(model.json());
            table.row(model.id(), node.path("type").asText("-"), pricing(node), "-");
        }
        out.print(table.render());
        return ExitCodes.OK;
    }

    /** {@code in <p> / out <p> per token}, {@code <p> / image} or {@code <p> / sec}, neuron shown as 0G. */
    private static String pricing(JsonNode model) {
        JsonNode pricing = model.path("pricing");
        if (!pricing.isObject() || pricing.isEmpty()) {
            return "N/A";
        }
        java.util.List<String> lines = new java.util.ArrayList<>();
        String in = og(pricing, "prompt", "input");
        String out = og(pricing, "completion", "output");
        if (!in.isEmpty() || !out.isEmpty()) {
            lines.add("in " + (in.isEmpty() ? "N/A" : in) + " / out " + (out.isEmpty() ? "N/A" : out) + " per token");
        }
        if (!og(pricing, "image").isEmpty()) {
            lines.add(og(pricing, "image") + " / image");
        }
        if (!og(pricing, "second", "audio").isEmpty()) {
            lines.add(og(pricing, "second", "audio") + " / sec");
        }
        return lines.isEmpty() ? pricing.toString() : String.join("\n", lines);
    }

    /** The first of {@code keys} holding a neuron amount, as 0G; empty when none does. */
    private static String og(JsonNode pricing, String... keys) {
        for (String key : keys) {
            JsonNode value = pricing.path(key);
            if (value.isIntegralNumber() || (value.isTextual() && value.asText().matches("[0-9]+"))) {
                return Og.price(new java.math.BigInteger(value.asText()));
            }
        }
        return "";
    }

    private static JsonNode parse(String text) {
        try {
            return CliJson.MAPPER.readTree(text);
        } catch (Exception e) {
            return CliJson.MAPPER.createObjectNode();
        }
    }
}
