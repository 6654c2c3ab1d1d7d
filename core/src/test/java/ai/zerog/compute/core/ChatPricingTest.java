package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.PriceTier.Multiplier;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tiered pricing and cache-token billing of chat (PROTOCOL.md §7.3), every figure computed by hand. */
class ChatPricingTest {
    private static final ServicePrices HUNDRED = prices(100, 300);
    private static final PriceTier UP_TO_32K = tier(32_000, 1, 1, 1, 1);
    private static final PriceTier UP_TO_128K = tier(128_000, 2, 1, 3, 1);
    private static final PriceTier BEYOND = tier(0, 4, 1, 5, 1);
    private static final ChatPricing THREE_TIERS = ChatPricing.FLAT.withTiers(List.of(UP_TO_32K, UP_TO_128K, BEYOND));
    private static final CacheBilling DISCOUNT = CacheBilling.divisor(10);
    private static final CacheBilling PREMIUM = DISCOUNT.withWrite(Multiplier.fraction(5, 4));
    private static final CacheBilling TWO_WRITE_TIERS = PREMIUM.withWrite1h(Multiplier.fraction(2, 1));

    private static ServicePrices prices(long input, long output) {
        return new ServicePrices(BigInteger.valueOf(input), BigInteger.valueOf(output));
    }

    private static PriceTier tier(long max, long in, long inDen, long out, long outDen) {
        return new PriceTier(max, Multiplier.fraction(in, inDen), Multiplier.fraction(out, outDen));
    }

    private static Fee fee(ServicePrices prices, ChatPricing pricing, ChatUsage usage) {
        return FeeCalculator.of(prices, pricing).chat(usage);
    }

    private static Fee fee(long input, long output) {
        return new Fee(BigInteger.valueOf(input), BigInteger.valueOf(output));
    }

    @Test
    void withoutTiersOrCacheBillingEveryTokenCostsItsBasePrice() {
        ChatUsage usage = new ChatUsage(1200, 345).withCache(200, 100, 50);

        assertThat(fee(HUNDRED, ChatPricing.FLAT, usage)).as("1200 × 100, 345 × 300").isEqualTo(fee(120_000, 103_500));
        assertThat(FeeCalculator.of(HUNDRED).chat(usage)).isEqualTo(fee(120_000, 103_500));
        assertThat(ChatPricing.FLAT.tierFor(5)).isEmpty();
    }

    @Test
    void theFirstTierWhoseBoundHoldsThePromptIsPickedAndABoundEqualToThePromptHoldsIt() {
        assertThat(THREE_TIERS.tierFor(0)).contains(UP_TO_32K);
        assertThat(THREE_TIERS.tierFor(32_000)).contains(UP_TO_32K);
        assertThat(THREE_TIERS.tierFor(32_001)).contains(UP_TO_128K);
        assertThat(THREE_TIERS.tierFor(128_000)).contains(UP_TO_128K);
        assertThat(THREE_TIERS.tierFor(128_001)).contains(BEYOND);

        assertThat(fee(HUNDRED, THREE_TIERS, new ChatUsage(32_000, 10))).as("32000 × 100, 10 × 300")
                .isEqualTo(fee(3_200_000, 3_000));
        assertThat(fee(HUNDRED, THREE_TIERS, new ChatUsage(32_001, 10))).as("32001 × 200, 10 × 900")
                .isEqualTo(fee(6_400_200, 9_000));
        assertThat(fee(HUNDRED, THREE_TIERS, new ChatUsage(200_000, 10))).as("200000 × 400, 10 × 1500")
                .isEqualTo(fee(80_000_000, 15_000));
    }

    @Test
    void aPromptBeyondEveryBoundBillsInTheLastTier() {
        PriceTier small = tier(100, 1, 1, 1, 1);
        PriceTier medium = tier(200, 2, 1, 3, 1);
        ChatPricing bounded = ChatPricing.FLAT.withTiers(List.of(small, medium));

        assertThat(bounded.tierFor(201)).contains(medium);
        assertThat(fee(HUNDRED, bounded, new ChatUsage(500, 2))).as("500 × 200, 2 × 900").isEqualTo(fee(100_000, 1_800));
    }

    @Test
    void fractionMultipliersRoundEachPriceDownToAWholeNeuronBeforeCountingTokens() {
        ChatPricing fractions = ChatPricing.FLAT.withTiers(List.of(tier(0, 3, 2, 5, 3)));

        // 1001 × 3/2 = 1501.5 → 1501 per token; 7 × 5/3 = 11.67 → 11 per token
        assertThat(fractions.pricesFor(10, prices(1001, 7))).isEqualTo(prices(1501, 11));
        assertThat(fee(prices(1001, 7), fractions, new ChatUsage(10, 4))).as("10 × 1501, 4 × 11")
                .isEqualTo(fee(15_010, 44));
        assertThat(Multiplier.of(java.math.BigDecimal.valueOf(2), java.math.BigDecimal.ZERO).applyTo(BigInteger.TEN))
                .as("a missing denominator means 1").isEqualTo(20);
    }

    @Test
    void cachedTokensCostThePriceOverTheDivisorAndTheRestFullPrice() {
        ChatUsage usage = new ChatUsage(1000, 0).withCache(200, 0, 0);

        assertThat(fee(HUNDRED, ChatPricing.FLAT.withCache(DISCOUNT), usage).inputFee())
                .as("800 × 100 + 200 × 100 / 10").isEqualTo(82_000);
        assertThat(fee(HUNDRED, ChatPricing.FLAT.withCache(CacheBilling.divisor(CacheBilling.DEFAULT_DIVISOR)), usage)
                .inputFee()).as("800 × 100 + 200 × 100 / 4").isEqualTo(85_000);
        assertThat(fee(HUNDRED, ChatPricing.FLAT, usage).inputFee()).as("cache billing off").isEqualTo(100_000);
    }

    @Test
    void theCachedPartIsTheIntegerDivisionOfTheProduct() {
        ChatPricing quarter = ChatPricing.FLAT.withCache(CacheBilling.divisor(4));

        assertThat(fee(prices(3, 0), quarter, new ChatUsage(5, 0).withCache(5, 0, 0)).inputFee())
                .as("5 × 3 / 4 = 3.75 → 3").isEqualTo(3);
        assertThat(fee(prices(3, 0), quarter, new ChatUsage(6, 0).withCache(5, 0, 0)).inputFee())
                .as("1 × 3 + 15 / 4").isEqualTo(6);
    }

    @Test
    void cachedTokensBeyondThePromptAreClampedToThePrompt() {
        ChatUsage usage = new ChatUsage(1000, 0).withCache(1500, 0, 0);

        assertThat(fee(HUNDRED, ChatPricing.FLAT.withCache(DISCOUNT), usage).inputFee())
                .as("1000 × 100 / 10").isEqualTo(10_000);
    }

    @Test
    void cacheWritesCostThePriceTimesTheirMultiplier() {
        ChatUsage both = new ChatUsage(1000, 0).withCache(200, 300, 0);

        assertThat(fee(HUNDRED, ChatPricing.FLAT.withCache(PREMIUM), both).inputFee())
                .as("500 × 100 + 200 × 100 / 10 + 300 × 100 × 5/4").isEqualTo(89_500);
        assertThat(fee(prices(3, 0), ChatPricing.FLAT.withCache(PREMIUM), new ChatUsage(5, 0).withCache(0, 5, 0))
                .inputFee()).as("5 × 3 × 5/4 = 18.75 → 18").isEqualTo(18);
    }

    @Test
    void cacheWritesWithoutAMultiplierCostFullPrice() {
        ChatUsage writes = new ChatUsage(1000, 0).withCache(0, 400, 300);

        assertThat(fee(HUNDRED, ChatPricing.FLAT.withCache(DISCOUNT), writes).inputFee()).isEqualTo(100_000);
    }

    @Test
    void cacheWritesBeyondWhatRemainsAreClamped() {
        ChatUsage tooMany = new ChatUsage(1000, 0).withCache(900, 500, 0);
        assertThat(fee(HUNDRED, ChatPricing.FLAT.withCache(PREMIUM), tooMany).inputFee())
                .as("900 × 100 / 10 + (1000 − 900) × 100 × 5/4").isEqualTo(21_500);

        ChatUsage hourTooMany = new ChatUsage(1000, 0).withCache(400, 400, 500);
        assertThat(fee(HUNDRED, ChatPricing.FLAT.withCache(TWO_WRITE_TIERS), hourTooMany).inputFee())
                .as("400 × 100 / 10 + 400 × 100 × 5/4 + (1000 − 400 − 400) × 100 × 2").isEqualTo(94_000);
    }

    @Test
    void oneHourWritesHaveTheirOwnMultiplierElseTheDefaultOne() {
        ChatUsage usage = new ChatUsage(1000, 0).withCache(0, 200, 300);

        assertThat(fee(HUNDRED, ChatPricing.FLAT.withCache(TWO_WRITE_TIERS), usage).inputFee())
                .as("500 × 100 + 200 × 100 × 5/4 + 300 × 100 × 2").isEqualTo(135_000);
        assertThat(fee(HUNDRED, ChatPricing.FLAT.withCache(PREMIUM), usage).inputFee())
                .as("500 × 100 + 200 × 100 × 5/4 + 300 × 100 × 5/4").isEqualTo(112_500);
        assertThat(PREMIUM.effectiveWrite1h()).contains(Multiplier.fraction(5, 4));
    }

    @Test
    void theTierScalesThePricesBeforeTheCacheRules() {
        ChatPricing both = new ChatPricing(List.of(tier(0, 3, 2, 5, 3)), CacheBilling.divisor(4));

        // input′ = 1501, output′ = 11: 7 × 1501 + 3 × 1501 / 4 (= 1125.75 → 1125), 4 × 11
        assertThat(fee(prices(1001, 7), both, new ChatUsage(10, 4).withCache(3, 0, 0))).isEqualTo(fee(11_632, 44));
    }

    @Test
    void aZeroDivisorAndNegativeCountsAreRefused() {
        assertThatThrownBy(() -> CacheBilling.divisor(0)).isInstanceOf(CoreException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new CacheBilling(false, 0, Optional.empty(), Optional.empty()))
                .isInstanceOf(CoreException.class);
        assertThatThrownBy(() -> new ChatUsage(10, 0).withCache(-1, 0, 0)).isInstanceOf(CoreException.class);
        assertThatThrownBy(() -> tier(-1, 1, 1, 1, 1)).isInstanceOf(CoreException.class);
        assertThatThrownBy(() -> Multiplier.fraction(1, 0)).isInstanceOf(CoreException.class);
    }
}
