package ai.zerog.compute.core;

import ai.zerog.compute.core.PriceTier.Multiplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two spellings of tier tables and cache billing on the wire: camelCase in a service's
 * {@code additionalInfo} ({@code tieredPricing.tiers}, {@code cacheTokenBilling}, PROTOCOL.md §6.3)
 * and snake_case in a {@code /v1/models} object's {@code pricing} ({@code tiered_pricing},
 * {@code cache_token_billing}, §4.7). Broker and clients share it so both read the same table.
 * Readers are lenient like the official SDK (entries that do not fit are skipped, never an error);
 * writers emit the denominators and write multipliers only when they say something.
 */
public enum PricingJson {
    /** {@code additionalInfo} on chain. */
    CHAIN("maxInputTokens", "inputMultiplier", "outputMultiplier", "inputMultiplierDenominator",
            "outputMultiplierDenominator", "writeMultiplierNumerator", "writeMultiplierDenominator",
            "write1hMultiplierNumerator", "write1hMultiplierDenominator"),
    /** A {@code /v1/models} model object's {@code pricing}. */
    MODELS("max_input_tokens", "input_multiplier", "output_multiplier", "input_multiplier_denominator",
            "output_multiplier_denominator", "write_multiplier_numerator", "write_multiplier_denominator",
            "write_1h_multiplier_numerator", "write_1h_multiplier_denominator");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DIVISOR = "divisor";

    private final String max;
    private final String input;
    private final String output;
    private final String inputDenominator;
    private final String outputDenominator;
    private final String writeNumerator;
    private final String writeDenominator;
    private final String write1hNumerator;
    private final String write1hDenominator;

    PricingJson(String max, String input, String output, String inputDenominator, String outputDenominator,
                String writeNumerator, String writeDenominator, String write1hNumerator, String write1hDenominator) {
        this.max = max;
        this.input = input;
        this.output = output;
        this.inputDenominator = inputDenominator;
        this.outputDenominator = outputDenominator;
        this.writeNumerator = writeNumerator;
        this.writeDenominator = writeDenominator;
        this.write1hNumerator = write1hNumerator;
        this.write1hDenominator = write1hDenominator;
    }

    /**
     * The tiers of a JSON array, keeping only entries whose bound is a whole number ≥ 0 and whose
     * two multipliers are numbers, as the official SDK does; a missing, zero or negative
     * denominator means 1. Anything but an array reads as no tiers.
     */
    public List<PriceTier> tiers(JsonNode array) {
        List<PriceTier> tiers = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return tiers;
        }
        for (JsonNode tier : array) {
            JsonNode bound = tier.path(max);
            JsonNode in = tier.path(input);
            JsonNode out = tier.path(output);
            if (!bound.canConvertToLong() || !bound.isIntegralNumber() || bound.asLong() < 0 || !in.isNumber()
                    || !out.isNumber()) {
                continue;
            }
            tiers.add(new PriceTier(bound.asLong(), Multiplier.of(in.decimalValue(), number(tier.path(inputDenominator))),
                    Multiplier.of(out.decimalValue(), number(tier.path(outputDenominator)))));
        }
        return List.copyOf(tiers);
    }

    /**
     * The cache billing of a JSON object: enabled when {@code divisor} is a whole number ≥ 1; a
     * write multiplier when both its numerator and denominator are positive numbers. Anything else
     * reads as {@link CacheBilling#off()}.
     */
    public CacheBilling cache(JsonNode object) {
        JsonNode divisor = object == null ? null : object.path(DIVISOR);
        if (divisor == null || !divisor.isIntegralNumber() || !divisor.canConvertToLong() || divisor.asLong() < 1) {
            return CacheBilling.off();
        }
        return new CacheBilling(true, divisor.asLong(), fraction(object, writeNumerator, writeDenominator),
                fraction(object, write1hNumerator, write1hDenominator));
    }

    /** The tier array: bound and both multipliers always, a denominator only when it is not 1. */
    public ArrayNode write(List<PriceTier> tiers) {
        ArrayNode array = NODES.arrayNode();
        for (PriceTier tier : tiers) {
            ObjectNode node = array.addObject().put(max, tier.maxInputTokens());
            node.set(input, number(tier.input().numerator()));
            node.set(output, number(tier.output().numerator()));
            if (tier.input().denominator().compareTo(BigDecimal.ONE) != 0) {
                node.set(inputDenominator, number(tier.input().denominator()));
            }
            if (tier.output().denominator().compareTo(BigDecimal.ONE) != 0) {
                node.set(outputDenominator, number(tier.output().denominator()));
            }
        }
        return array;
    }

    /** The cache object of enabled billing: the divisor, then each write multiplier that is set. */
    public ObjectNode write(CacheBilling cache) {
        if (!cache.enabled()) {
            throw new CoreException("cache billing is off: there is nothing to publish");
        }
        ObjectNode node = NODES.objectNode().put(DIVISOR, cache.divisor());
        cache.write().ifPresent(m -> putFraction(node, writeNumerator, writeDenominator, m));
        cache.write1h().ifPresent(m -> putFraction(node, write1hNumerator, write1hDenominator, m));
        return node;
    }

    private static void putFraction(ObjectNode node, String numeratorKey, String denominatorKey, Multiplier m) {
        node.set(numeratorKey, number(m.numerator()));
        node.set(denominatorKey, number(m.denominator()));
    }

    private static BigDecimal number(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : BigDecimal.ZERO;
    }

    private static Optional<Multiplier> fraction(JsonNode object, String numeratorKey, String denominatorKey) {
        BigDecimal numerator = number(object.path(numeratorKey));
        BigDecimal denominator = number(object.path(denominatorKey));
        return numerator.signum() > 0 && denominator.signum() > 0 ? Optional.of(new Multiplier(numerator, denominator))
                : Optional.empty();
    }

    /** Whole numbers as JSON integers ({@code 3}, not {@code 3.0} or {@code 3E+0}), fractions as plain decimals. */
    private static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return NODES.numberNode(stripped.toBigIntegerExact());
        }
        return NODES.numberNode(new BigDecimal(stripped.toPlainString()));
    }
}
