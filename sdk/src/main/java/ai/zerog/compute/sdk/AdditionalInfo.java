package ai.zerog.compute.sdk;

import ai.zerog.compute.core.PriceTier;
import ai.zerog.compute.core.PricingJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The display-relevant keys of a service's on-chain {@code additionalInfo} JSON (PROTOCOL.md §6.3).
 * Text that is not a JSON object reads as a plain single-model service without tiers.
 *
 * @param multiModel        {@code MultiModel: true}: several models behind one address
 * @param priceDenomination {@code NATIVE} or {@code USD}, when the provider says
 * @param tiers             {@code tieredPricing.tiers}, empty when the service is not tiered
 * @param cacheDivisor      {@code cacheTokenBilling.divisor} when positive: cached prompt tokens cost price ÷ divisor
 * @param teeVerifier       {@code TEEVerifier} ({@code dstack}, {@code cryptopilot})
 */
public record AdditionalInfo(boolean multiModel, Optional<String> priceDenomination, List<PriceTier> tiers,
                             OptionalLong cacheDivisor, Optional<String> teeVerifier) {
    public AdditionalInfo {
        Objects.requireNonNull(priceDenomination, "priceDenomination");
        tiers = List.copyOf(tiers);
        Objects.requireNonNull(cacheDivisor, "cacheDivisor");
        Objects.requireNonNull(teeVerifier, "teeVerifier");
    }

    /** Reads {@code Service.additionalInfo()}; never fails. */
    public static AdditionalInfo parse(String json) {
        JsonNode info;
        try {
            info = Jsons.MAPPER.readTree(json);
        } catch (IOException notJson) {
            info = null;
        }
        if (info == null || !info.isObject()) {
            return new AdditionalInfo(false, Optional.empty(), List.of(), OptionalLong.empty(), Optional.empty());
        }
        return new AdditionalInfo(info.path("MultiModel").asBoolean(false) && info.path("MultiModel").isBoolean(),
                text(info.path("priceDenomination")),
                PricingJson.CHAIN.tiers(info.path("tieredPricing").path("tiers")),
                positiveWhole(info.path("cacheTokenBilling").path("divisor")), text(info.path("TEEVerifier")));
    }

    public boolean tiered() {
        return !tiers.isEmpty();
    }

    static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    static OptionalLong positiveWhole(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong() && node.asLong() > 0 ? OptionalLong.of(node.asLong())
                : OptionalLong.empty();
    }
}
