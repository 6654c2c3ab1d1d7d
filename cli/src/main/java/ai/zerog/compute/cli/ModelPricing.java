package ai.zerog.compute.cli;

import ai.zerog.compute.core.PriceTier;
import ai.zerog.compute.sdk.ModelInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The pricing cell of the model tables (CLI-AND-UI.md §5.2): {@code <p> / sec}, {@code <p> / image}
 * or {@code in <p> / out <p> per token}, then the cache-hit price and the tier lines. Native prices
 * are neuron shown as 0G, {@code pricing_usd} prices are shown as they are.
 */
final class ModelPricing {
    private ModelPricing() {
    }

    static String cell(ModelInfo model, boolean usd) {
        Optional<ModelInfo.Prices> chosen = usd ? model.pricingUsd() : model.pricing();
        if (chosen.isEmpty()) {
            return "N/A";
        }
        ModelInfo.Prices prices = chosen.get();
        Function<BigDecimal, BigDecimal> unit = usd ? amount -> amount : amount -> amount.movePointLeft(18);
        if (prices.video().isPresent()) {
            return shown(prices.video().map(unit)) + " / sec";
        }
        if (prices.image().isPresent()) {
            return shown(prices.image().map(unit)) + " / image";
        }
        Optional<BigDecimal> in = prices.prompt().map(unit);
        Optional<BigDecimal> out = prices.completion().map(unit);
        if (in.isEmpty() && out.isEmpty()) {
            return "N/A";
        }
        List<String> lines = new ArrayList<>();
        lines.add("in " + shown(in) + " / out " + shown(out) + " per token");
        OptionalLong divisor = model.cacheDivisor();
        if (divisor.isPresent() && in.isPresent()) {
            lines.add("cache-hit in: " + PriceText.decimal(in.get().divide(BigDecimal.valueOf(divisor.getAsLong()),
                    PriceText.DECIMALS, RoundingMode.HALF_UP)));
        }
        List<PriceTier> tiers = model.tiers();
        if (!tiers.isEmpty()) {
            lines.add("tiered by input tokens:");
            List<String> ranges = PriceText.ranges(tiers);
            for (int i = 0; i < tiers.size(); i++) {
                PriceTier tier = tiers.get(i);
                lines.add("  " + ranges.get(i) + ": in " + shown(in.map(p -> tier.input().times(p, PriceText.DECIMALS)))
                        + " / out " + shown(out.map(p -> tier.output().times(p, PriceText.DECIMALS))));
            }
        }
        return String.join("\n", lines);
    }

    private static String shown(Optional<BigDecimal> amount) {
        return amount.map(PriceText::decimal).orElse("-");
    }
}
