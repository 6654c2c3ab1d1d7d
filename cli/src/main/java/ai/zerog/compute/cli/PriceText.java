package ai.zerog.compute.cli;

import ai.zerog.compute.core.PriceTier;
import ai.zerog.compute.core.Units;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Prices and token counts in the texts the official provider tables use (CLI-AND-UI.md §5.1, §5.2). */
final class PriceText {
    /** The official model table shows up to 20 decimals. */
    static final int DECIMALS = 20;

    private PriceText() {
    }

    /** {@code 999}, {@code 32k}, {@code 32.768k}, {@code 1M}, {@code 1.5M}. */
    static String tokenCount(long tokens) {
        if (tokens >= 1_000_000) {
            return plain(BigDecimal.valueOf(tokens).movePointLeft(6)) + "M";
        }
        if (tokens >= 1_000) {
            return plain(BigDecimal.valueOf(tokens).movePointLeft(3)) + "k";
        }
        return Long.toString(tokens);
    }

    /** Each tier's input range: {@code 0-32k}, then {@code 32k-128k}, and {@code >128k} for an unbounded tier. */
    static List<String> ranges(List<PriceTier> tiers) {
        List<String> ranges = new ArrayList<>();
        String previous = "0";
        for (PriceTier tier : tiers) {
            if (tier.unbounded()) {
                ranges.add(">" + previous);
            } else {
                String max = tokenCount(tier.maxInputTokens());
                ranges.add(previous + "-" + max);
                previous = max;
            }
        }
        return ranges;
    }

    /** A tier row's price: 0G without trailing zeros but at least one decimal ({@code 0.0000002}, {@code 2.0}). */
    static String tierPrice(BigInteger neuron) {
        String text = new BigDecimal(neuron, Units.DECIMALS).stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".0";
    }

    /** A model-table number: at most 20 decimals, no grouping, no trailing zeros ({@code 0.0000001}, {@code 3}). */
    static String decimal(BigDecimal value) {
        return plain(value.setScale(Math.min(Math.max(value.scale(), 0), DECIMALS), RoundingMode.HALF_UP));
    }

    /** A neuron amount as a model-table number of 0G. */
    static String og(BigDecimal neuron) {
        return decimal(neuron.movePointLeft(Units.DECIMALS));
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
