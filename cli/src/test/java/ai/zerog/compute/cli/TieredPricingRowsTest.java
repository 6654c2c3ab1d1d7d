package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.PriceTier;
import ai.zerog.compute.sdk.ModelInfo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The tier rows of list-providers (CLI-AND-UI.md §5.1) and the pricing cell of get-models (§5.2). */
class TieredPricingRowsTest {
    private static final BigInteger IN = new BigInteger("100000000000");   // 1e-7 0G
    private static final BigInteger OUT = new BigInteger("400000000000");  // 4e-7 0G

    private static PriceTier tier(long max, long in, long inDen, long out, long outDen) {
        return new PriceTier(max, PriceTier.Multiplier.of(BigDecimal.valueOf(in), BigDecimal.valueOf(inDen)),
                PriceTier.Multiplier.of(BigDecimal.valueOf(out), BigDecimal.valueOf(outDen)));
    }

    private static String rows(List<PriceTier> tiers, OptionalLong divisor) {
        Table table = Table.withWidths(40, 60);
        ServiceView.addTierRows(table, IN, OUT, tiers, divisor);
        return table.render();
    }

    private static String row(String label, String value) {
        return Table.withWidths(40, 60).row(label, value).render().lines().skip(1).findFirst().orElseThrow();
    }

    @Test
    void reproducesTheObservedExampleOfTheSpec() {
        String table = rows(List.of(tier(32_000, 1, 0, 1, 0), tier(0, 2, 0, 3, 2)), OptionalLong.of(10));

        assertThat(table).contains(row("Tiered Pricing (0G/Token)", "Enabled"),
                row("  Input 0-32k tokens", "In: 0.0000001 / Out: 0.0000004 / Cache: 0.00000001"),
                row("  Input >32k tokens", "In: 0.0000002 / Out: 0.0000006 / Cache: 0.00000002"));
        assertThat(row("  Input >32k tokens", "In: 0.0000002 / Out: 0.0000006 / Cache: 0.00000002"))
                .isEqualTo("│   Input >32k tokens                    │ In: 0.0000002 / Out: 0.0000006 / Cache: 0.00000002         │");
    }

    @Test
    void withoutCacheBillingTheRowsHaveNoCachePrice() {
        assertThat(rows(List.of(tier(0, 1, 1, 1, 1)), OptionalLong.empty()))
                .contains(row("  Input >0 tokens", "In: 0.0000001 / Out: 0.0000004"));
    }

    @Test
    void rangesCountInThousandsAndMillions() {
        List<PriceTier> tiers = List.of(tier(32_000, 1, 1, 1, 1), tier(128_000, 1, 1, 1, 1), tier(1_000_000, 1, 1, 1, 1),
                tier(0, 1, 1, 1, 1));

        assertThat(PriceText.ranges(tiers)).containsExactly("0-32k", "32k-128k", "128k-1M", ">1M");
        assertThat(PriceText.ranges(List.of(tier(32_000, 1, 1, 1, 1), tier(128_000, 1, 1, 1, 1), tier(0, 1, 1, 1, 1))))
                .containsExactly("0-32k", "32k-128k", ">128k");
        assertThat(PriceText.tokenCount(999)).isEqualTo("999");
        assertThat(PriceText.tokenCount(32_768)).isEqualTo("32.768k");
        assertThat(PriceText.tokenCount(1_500_000)).isEqualTo("1.5M");
    }

    @Test
    void fractionMultipliersAreRoundedToSixDecimalsHalfUp() {
        String table = rows(List.of(tier(0, 4, 3, 2, 3)), OptionalLong.of(3));

        // 1e11 × 1.333333 = 133333300000 neuron; 4e11 × 0.666667 = 266666800000; cache 133333300000 / 3 = 44444433333
        assertThat(table).contains(row("  Input >0 tokens",
                "In: 0.0000001333333 / Out: 0.0000002666668 / Cache: 0.000000044444433333"));
        assertThat(PriceText.tierPrice(BigInteger.ZERO)).isEqualTo("0.0");
        assertThat(PriceText.tierPrice(new BigInteger("2000000000000000000"))).isEqualTo("2.0");
    }

    @Test
    void theModelPricingCellAddsCacheAndTierLines() {
        ModelInfo model = ModelInfo.parse("""
                {"id":"m","pricing":{"prompt":"100000000000","completion":"400000000000",
                  "tiered_pricing":[{"max_input_tokens":32000,"input_multiplier":1,"output_multiplier":1},
                    {"max_input_tokens":0,"input_multiplier":2,"output_multiplier":3,"output_multiplier_denominator":2}],
                  "cache_token_billing":{"divisor":10}},
                 "pricing_usd":{"prompt":"0.00000025","completion":"0.000001"}}
                """);

        assertThat(ModelPricing.cell(model, false)).isEqualTo("""
                in 0.0000001 / out 0.0000004 per token
                cache-hit in: 0.00000001
                tiered by input tokens:
                  0-32k: in 0.0000001 / out 0.0000004
                  >32k: in 0.0000002 / out 0.0000006""");
        assertThat(ModelPricing.cell(model, true)).as("tiers and divisor are unit-free").isEqualTo("""
                in 0.00000025 / out 0.000001 per token
                cache-hit in: 0.000000025
                tiered by input tokens:
                  0-32k: in 0.00000025 / out 0.000001
                  >32k: in 0.0000005 / out 0.0000015""");
        assertThat(ModelPricing.cell(ModelInfo.parse("{\"id\":\"i\",\"pricing\":{\"prompt\":\"0\",\"completion\":\"0\","
                + "\"image\":\"5000000000000000\"}}"), false)).isEqualTo("0.005 / image");
        assertThat(ModelPricing.cell(ModelInfo.parse("{\"id\":\"v\",\"pricing\":{\"video\":\"1000000000000000000\"}}"),
                false)).isEqualTo("1 / sec");
        assertThat(ModelPricing.cell(ModelInfo.parse("{\"id\":\"n\"}"), false)).isEqualTo("N/A");
        assertThat(ModelPricing.cell(ModelInfo.parse("{\"id\":\"n\",\"pricing\":{\"completion\":\"1\"}}"), false))
                .isEqualTo("in - / out 0.000000000000000001 per token");
    }

    @Test
    void healthCellsAndColours() {
        assertThat(GetModelsCommand.healthCell(Optional.empty())).isEqualTo("-");

        String table = Table.withWidths(4, 4, 4, 20).row("m", "t", "p", "✓ healthy\n75% up").render();
        assertThat(GetModelsCommand.paint(table, Colours.of(TestEnvironments.of(java.nio.file.Path.of("/tmp"),
                java.util.Map.of(), "")))).as("NO_COLOR").isEqualTo(table);

        String painted = GetModelsCommand.paint(table, Colours.on());
        assertThat(painted).contains("│ \u001b[32m✓ healthy\u001b[39m          │", "│ \u001b[33m75% up\u001b[39m             │");
        assertThat(painted.replaceAll("\u001b\\[[0-9]+m", ""))
                .as("escape codes do not count towards the width").isEqualTo(table);
    }
}
