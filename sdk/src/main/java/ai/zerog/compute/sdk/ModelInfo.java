package ai.zerog.compute.sdk;

import ai.zerog.compute.core.PriceTier;
import ai.zerog.compute.core.PricingJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The keys of a {@code /v1/models} model object (PROTOCOL.md §4.7) that tools show, read from
 * a provider's catalogue ({@link ProviderModels.Model#json()}) or the status API's {@code /models}.
 * Absent or mistyped keys read as empty; {@link #json()} keeps the whole object.
 */
public record ModelInfo(String id, Optional<String> canonicalId, Optional<String> type, Optional<String> name,
                        Optional<String> description, OptionalLong contextLength, OptionalLong maxCompletionTokens,
                        Optional<String> tokenizer, Optional<String> ownedBy, Optional<String> teeType,
                        Optional<String> teeVerifier, List<String> supportedParameters, Optional<Prices> pricing,
                        Optional<Prices> pricingUsd, String json) {
    public ModelInfo {
        Objects.requireNonNull(id, "id");
        supportedParameters = List.copyOf(supportedParameters);
        Objects.requireNonNull(json, "json");
    }

    /**
     * One of the two price objects: {@code pricing} holds decimal neuron amounts, {@code pricing_usd}
     * decimal USD. Tiers and the cache divisor are unit-free; providers usually attach them to
     * {@code pricing} only, so read them through {@link ModelInfo#tiers()} and {@link ModelInfo#cacheDivisor()}.
     */
    public record Prices(Optional<BigDecimal> prompt, Optional<BigDecimal> completion, Optional<BigDecimal> image,
                         Optional<BigDecimal> video, List<PriceTier> tiers, OptionalLong cacheDivisor) {
        public Prices {
            tiers = List.copyOf(tiers);
        }

        static Optional<Prices> parse(JsonNode node) {
            if (!node.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new Prices(amount(node.path("prompt")), amount(node.path("completion")),
                    amount(node.path("image")), amount(node.path("video")),
                    PricingJson.MODELS.tiers(node.path("tiered_pricing")),
                    AdditionalInfo.positiveWhole(node.path("cache_token_billing").path("divisor"))));
        }
    }

    /** Reads one model object; text that is not a JSON object gives a model with an empty id. */
    public static ModelInfo parse(String json) {
        JsonNode node;
        try {
            node = Jsons.MAPPER.readTree(json);
        } catch (IOException notJson) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            node = Jsons.MAPPER.createObjectNode();
        }
        return of(node);
    }

    static ModelInfo of(JsonNode node) {
        List<String> parameters = new ArrayList<>();
        node.path("supported_parameters").forEach(p -> {
            if (p.isTextual()) {
                parameters.add(p.asText());
            }
        });
        return new ModelInfo(node.path("id").asText(""), text(node, "canonical_id"), text(node, "type"),
                text(node, "name"), text(node, "description"), count(node.path("context_length")),
                count(node.path("max_completion_tokens")), text(node.path("architecture"), "tokenizer"),
                text(node, "owned_by"), text(node, "tee_type"), text(node, "tee_verifier"), parameters,
                Prices.parse(node.path("pricing")), Prices.parse(node.path("pricing_usd")), node.toString());
    }

    /** The tier table: unit-free, so from {@code pricing}, else from {@code pricing_usd}; empty when not tiered. */
    public List<PriceTier> tiers() {
        return pricing.map(Prices::tiers).filter(t -> !t.isEmpty())
                .or(() -> pricingUsd.map(Prices::tiers)).orElse(List.of());
    }

    /** The cache divisor: unit-free, so from {@code pricing}, else from {@code pricing_usd}. */
    public OptionalLong cacheDivisor() {
        OptionalLong own = pricing.map(Prices::cacheDivisor).orElse(OptionalLong.empty());
        return own.isPresent() ? own : pricingUsd.map(Prices::cacheDivisor).orElse(OptionalLong.empty());
    }

    private static Optional<String> text(JsonNode node, String key) {
        return AdditionalInfo.text(node.path(key));
    }

    private static OptionalLong count(JsonNode node) {
        return AdditionalInfo.positiveWhole(node);
    }

    /** A decimal string or JSON number. */
    private static Optional<BigDecimal> amount(JsonNode node) {
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(new BigDecimal(node.asText().strip()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
