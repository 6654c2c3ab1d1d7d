package ai.zerog.compute.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One row of a tiered price table (PROTOCOL.md §7.3): prompts of up to {@code maxInputTokens}
 * tokens ({@code 0} = no upper bound) pay the base prices times these multipliers. Services carry
 * the table in {@code additionalInfo.tieredPricing} (§6.3), models in {@code pricing.tiered_pricing}
 * (§4.7); {@link PricingJson} reads and writes both spellings, {@link ChatPricing} bills with it.
 */
public record PriceTier(long maxInputTokens, Multiplier input, Multiplier output) {
    public PriceTier {
        if (maxInputTokens < 0) {
            throw new CoreException("maxInputTokens must not be negative, got " + maxInputTokens);
        }
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }

    /** The last tier usually has no upper bound. */
    public boolean unbounded() {
        return maxInputTokens == 0;
    }

    /** Whether a prompt of {@code promptTokens} tokens bills in this tier when the tiers are tried in order. */
    public boolean admits(long promptTokens) {
        return unbounded() || promptTokens <= maxInputTokens;
    }

    /** Both base prices times this tier's multipliers, each rounded down to a whole neuron ({@link Multiplier#applyTo}). */
    public ServicePrices applyTo(ServicePrices base) {
        return new ServicePrices(input.applyTo(base.inputPrice()), output.applyTo(base.outputPrice()));
    }

    /** {@code numerator / denominator}, kept exact. */
    public record Multiplier(BigDecimal numerator, BigDecimal denominator) {
        /** 1×: the base price unchanged. */
        public static final Multiplier ONE = new Multiplier(BigDecimal.ONE, BigDecimal.ONE);
        private static final int DISPLAY_SCALE = 6;

        public Multiplier {
            Objects.requireNonNull(numerator, "numerator");
            if (denominator.signum() <= 0) {
                throw new CoreException("a multiplier denominator must be positive, got " + denominator);
            }
        }

        /** The broker's fold: a missing ({@code 0}), zero or negative denominator means 1 (whole multiples omit it). */
        public static Multiplier of(BigDecimal numerator, BigDecimal denominator) {
            return new Multiplier(numerator, denominator.signum() > 0 ? denominator : BigDecimal.ONE);
        }

        /** {@code numerator / denominator} of whole numbers; the denominator must be positive. */
        public static Multiplier fraction(long numerator, long denominator) {
            return new Multiplier(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
        }

        /** Whether numerator and denominator are both whole numbers (the official broker's config allows nothing else). */
        public boolean whole() {
            return isWhole(numerator) && isWhole(denominator);
        }

        /** The multiplier rounded half-up to {@code scale} decimals. */
        public BigDecimal value(int scale) {
            return numerator.divide(denominator, scale, RoundingMode.HALF_UP);
        }

        /**
         * Billing: {@code amount × numerator / denominator} rounded down to a whole neuron. Rounding
         * down is the official broker's: it multiplies, then integer-divides (Go {@code big.Int.Div},
         * which floors for the non-negative amounts billed), the same "integer division of the
         * product" PROTOCOL.md §7.3 states for cache tokens. So a tier's per-token price is floored
         * once, before it is multiplied by the token count, and a cache-write fee is floored once per
         * write tier after {@code price × tokens × numerator}. The division is exact before rounding.
         */
        public BigInteger applyTo(BigInteger amount) {
            return new BigDecimal(amount).multiply(numerator).divide(denominator, 0, RoundingMode.FLOOR)
                    .toBigIntegerExact();
        }

        /**
         * A neuron price times this multiplier as the official provider tables show it: the
         * multiplier rounded half-up to 6 decimals, the product rounded half-up to a whole neuron.
         * Display only; bills use {@link #applyTo}.
         */
        public BigInteger timesRounded(BigInteger neuron) {
            return new BigDecimal(neuron).multiply(value(DISPLAY_SCALE)).setScale(0, RoundingMode.HALF_UP)
                    .toBigIntegerExact();
        }

        /** {@code amount × numerator / denominator}, rounded half-up to at most {@code scale} decimals (display). */
        public BigDecimal times(BigDecimal amount, int scale) {
            return amount.multiply(numerator).divide(denominator, scale, RoundingMode.HALF_UP);
        }

        /** Whether this is a smaller ratio than {@code other} (compared exactly, by cross-multiplying). */
        public boolean below(Multiplier other) {
            return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator)) < 0;
        }

        private static boolean isWhole(BigDecimal value) {
            return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        }
    }
}
