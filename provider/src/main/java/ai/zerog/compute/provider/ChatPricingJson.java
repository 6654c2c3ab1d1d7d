package ai.zerog.compute.provider;

import ai.zerog.compute.core.CacheBilling;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.PriceTier;
import ai.zerog.compute.core.PriceTier.Multiplier;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link ChatPricingConfig} from a provider config object, strictly: keys the official
 * broker uses (camelCase), whole numbers only, unknown keys refused, every message naming the key.
 * <pre>{@code
 * "tieredPricing": {"enabled": true, "tiers": [
 *     {"maxInputTokens": 32000, "inputMultiplier": 1, "outputMultiplier": 1},
 *     {"maxInputTokens": 0, "inputMultiplier": 3, "inputMultiplierDenominator": 2, "outputMultiplier": 2}]},
 * "cacheTokenBilling": {"enabled": true, "divisor": 10,
 *     "writeMultiplierNumerator": 5, "writeMultiplierDenominator": 4,
 *     "write1hMultiplierNumerator": 2, "write1hMultiplierDenominator": 1},
 * "modelPricing": [{"model": "my-model", "tiers": [...], "cacheTokenBilling": {...}}]
 * }</pre>
 * A block without {@code enabled} is on; {@code "enabled": false} switches it off (its other keys
 * are still checked). A missing denominator means 1, a missing divisor {@value CacheBilling#DEFAULT_DIVISOR}.
 */
public final class ChatPricingJson {
    private static final Set<String> TIER_KEYS = Set.of("maxInputTokens", "inputMultiplier", "outputMultiplier",
            "inputMultiplierDenominator", "outputMultiplierDenominator");
    private static final Set<String> CACHE_KEYS = Set.of("enabled", "divisor", "writeMultiplierNumerator",
            "writeMultiplierDenominator", "write1hMultiplierNumerator", "write1hMultiplierDenominator");

    private ChatPricingJson() {
    }

    /** The pricing keys of {@code root}, a provider config object; without any, {@link ChatPricingConfig#NONE}. */
    public static ChatPricingConfig read(JsonNode root) {
        List<PriceTier> tiers = List.of();
        JsonNode tiered = root.path("tieredPricing");
        if (!tiered.isMissingNode()) {
            object("tieredPricing", tiered, Set.of("enabled", "tiers"));
            List<PriceTier> table = tiers("tieredPricing.tiers", tiered.path("tiers"));
            if (enabled("tieredPricing", tiered)) {
                if (table.isEmpty()) {
                    throw PricingRules.invalid("tieredPricing.tiers must not be empty when tieredPricing is enabled");
                }
                tiers = table;
            }
        }
        CacheBilling cache = root.has("cacheTokenBilling") ? cache("cacheTokenBilling", root.get("cacheTokenBilling"))
                : CacheBilling.off();
        return new ChatPricingConfig(tiers, cache, models(root.path("modelPricing")));
    }

    private static Map<String, ChatPricingConfig.ModelPricing> models(JsonNode list) {
        Map<String, ChatPricingConfig.ModelPricing> models = new LinkedHashMap<>();
        if (list.isMissingNode()) {
            return models;
        }
        if (!list.isArray()) {
            throw PricingRules.invalid("modelPricing must be an array of {\"model\": …, \"tiers\": […],"
                    + " \"cacheTokenBilling\": {…}}");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "modelPricing[" + i + "]";
            JsonNode entry = object(at, list.get(i), Set.of("model", "tiers", "cacheTokenBilling"));
            JsonNode model = entry.path("model");
            if (!model.isTextual() || model.asText().isBlank()) {
                throw PricingRules.invalid(at + ".model must name a model");
            }
            List<PriceTier> tiers = entry.has("tiers") ? tiers(at + ".tiers", entry.get("tiers")) : List.of();
            Optional<CacheBilling> cache = entry.has("cacheTokenBilling")
                    ? Optional.of(cache(at + ".cacheTokenBilling", entry.get("cacheTokenBilling"))) : Optional.empty();
            if (models.put(model.asText(), new ChatPricingConfig.ModelPricing(tiers, cache)) != null) {
                throw PricingRules.invalid(at + ".model '" + model.asText() + "' appears twice in modelPricing");
            }
        }
        return models;
    }

    private static List<PriceTier> tiers(String key, JsonNode array) {
        if (array.isMissingNode()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw PricingRules.invalid(key + " must be an array of tiers");
        }
        List<PriceTier> tiers = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = key + "[" + i + "]";
            JsonNode tier = object(at, array.get(i), TIER_KEYS);
            long max = whole(tier, at, "maxInputTokens", true, 0);
            if (max < 0) {
                throw PricingRules.invalid(at + ".maxInputTokens must be >= 0 (0 = no upper bound), got " + max);
            }
            tiers.add(new PriceTier(max, tierMultiplier(at, tier, "input"), tierMultiplier(at, tier, "output")));
        }
        return tiers;
    }

    private static Multiplier tierMultiplier(String at, JsonNode tier, String side) {
        long numerator = whole(tier, at, side + "Multiplier", true, 0);
        long denominator = whole(tier, at, side + "MultiplierDenominator", false, 0);
        if (numerator < 1) {
            throw PricingRules.invalid(at + "." + side + "Multiplier must be >= 1, got " + numerator);
        }
        if (denominator < 0) {
            throw PricingRules.invalid(at + "." + side + "MultiplierDenominator must be >= 0 (0 or missing = 1), got "
                    + denominator);
        }
        return Multiplier.of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    private static CacheBilling cache(String key, JsonNode node) {
        object(key, node, CACHE_KEYS);
        long divisor = whole(node, key, "divisor", false, CacheBilling.DEFAULT_DIVISOR);
        Optional<Multiplier> write = writeMultiplier(key, node, "writeMultiplier");
        Optional<Multiplier> write1h = writeMultiplier(key, node, "write1hMultiplier");
        if (!enabled(key, node)) {
            return CacheBilling.off();
        }
        try {
            return new CacheBilling(true, divisor, write, write1h);
        } catch (CoreException e) {
            throw PricingRules.invalid(key + ".divisor must be >= 1 (cached tokens cost price / divisor), got "
                    + divisor);
        }
    }

    /** Both halves or neither (unset); a half alone is a typo the official broker refuses too. */
    private static Optional<Multiplier> writeMultiplier(String key, JsonNode node, String stem) {
        long numerator = whole(node, key, stem + "Numerator", false, 0);
        long denominator = whole(node, key, stem + "Denominator", false, 0);
        if (numerator == 0 && denominator == 0) {
            return Optional.empty();
        }
        if (numerator < 1 || denominator < 1) {
            throw PricingRules.invalid(key + "." + stem + "Numerator/" + stem + "Denominator must both be >= 1 when"
                    + " set, got " + numerator + "/" + denominator);
        }
        return Optional.of(Multiplier.fraction(numerator, denominator));
    }

    private static boolean enabled(String key, JsonNode node) {
        JsonNode enabled = node.path("enabled");
        if (enabled.isMissingNode()) {
            return true;
        }
        if (!enabled.isBoolean()) {
            throw PricingRules.invalid(key + ".enabled must be true or false, got " + enabled);
        }
        return enabled.booleanValue();
    }

    private static JsonNode object(String key, JsonNode node, Set<String> known) {
        if (!node.isObject()) {
            throw PricingRules.invalid(key + " must be an object, got " + node);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw PricingRules.invalid(key + " has an unknown key \"" + name + "\"; known keys: "
                        + known.stream().sorted().toList());
            }
        }
        return node;
    }

    /** {@code parent.name} as a whole number; {@code at} is where {@code parent} sits, for messages. */
    private static long whole(JsonNode parent, String at, String name, boolean required, long absent) {
        String key = at + "." + name;
        JsonNode value = parent.path(name);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                throw PricingRules.invalid(key + " is missing");
            }
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw PricingRules.invalid(key + " must be a whole number, got " + value);
        }
        return value.asLong();
    }
}
