package ai.zerog.compute.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of a tiered price table (PROTOCOL.md §7.3): prompts of up to {@code maxInputTokens}
 * tokens ({@code 0} = no upper bound) pay the base prices times these multipliers. Services carry
 * the table in {@code additionalInfo.tieredPricing} (§6.3), models in {@code pricing.tiered_pricing} (§4.7).
 */
public record PriceTier(long maxInputTokens, Multiplier input, Multiplier output) {
    public PriceTier {
        if (maxInputTokens < 0) {
            throw new InvalidInputException("maxInputTokens must not be negative, got " + maxInputTokens);
        }
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }

    /** The last tier usually has no upper bound. */
    public boolean unbounded() {
        return maxInputTokens == 0;
    }

    /** {@code numerator / denominator}, kept exact. */
    public record Multiplier(BigDecimal numerator, BigDecimal denominator) {
        private static final int DISPLAY_SCALE = 6;

        public Multiplier {
            Objects.requireNonNull(numerator, "numerator");
            if (denominator.signum() <= 0) {
                throw new InvalidInputException("a multiplier denominator must be positive, got " + denominator);
            }
        }

        /** The broker's fold: a missing ({@code 0}), zero or negative denominator means 1 (whole multiples omit it). */
        public static Multiplier of(BigDecimal numerator, BigDecimal denominator) {
            return new Multiplier(numerator, denominator.signum() > 0 ? denominator : BigDecimal.ONE);
        }

        /** The multiplier rounded half-up to {@code scale} decimals. */
        public BigDecimal value(int scale) {
            return numerator.divide(denominator, scale, RoundingMode.HALF_UP);
        }

        /**
         * A neuron price times this multiplier as the official provider tables show it: the
         * multiplier rounded half-up to 6 decimals, the product rounded half-up to a whole neuron.
         */
        public BigInteger timesRounded(BigInteger neuron) {
            return new BigDecimal(neuron).multiply(value(DISPLAY_SCALE)).setScale(0, RoundingMode.HALF_UP)
                    .toBigIntegerExact();
        }

        /** {@code amount × numerator / denominator}, rounded half-up to at most {@code scale} decimals. */
        public BigDecimal times(BigDecimal amount, int scale) {
            return amount.multiply(numerator).divide(denominator, scale, RoundingMode.HALF_UP);
        }
    }

    /**
     * The tiers of a JSON array, keeping only entries whose bound and both multipliers are numbers
     * (as the official SDK does); {@code keys} are the bound, input, output, input denominator and
     * output denominator names (camelCase on chain, snake_case in {@code /v1/models}).
     */
    static List<PriceTier> parseAll(JsonNode array, String... keys) {
        List<PriceTier> tiers = new ArrayList<>();
        if (!array.isArray()) {
            return tiers;
        }
        for (JsonNode tier : array) {
            JsonNode max = tier.path(keys[0]);
            JsonNode in = tier.path(keys[1]);
            JsonNode out = tier.path(keys[2]);
            if (!max.canConvertToLong() || !max.isIntegralNumber() || max.asLong() < 0 || !in.isNumber()
                    || !out.isNumber()) {
                continue;
            }
            tiers.add(new PriceTier(max.asLong(), Multiplier.of(in.decimalValue(), denominator(tier.path(keys[3]))),
                    Multiplier.of(out.decimalValue(), denominator(tier.path(keys[4])))));
        }
        return List.copyOf(tiers);
    }

    private static BigDecimal denominator(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : BigDecimal.ZERO;
    }
}
