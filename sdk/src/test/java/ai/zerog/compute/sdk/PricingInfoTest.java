package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.PriceTier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Tier tables and the other display keys of additionalInfo (PROTOCOL.md §6.3) and model objects (§4.7). */
class PricingInfoTest {
    private static PriceTier.Multiplier multiplier(long numerator, long denominator) {
        return PriceTier.Multiplier.of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    @Test
    void aMissingZeroOrNegativeDenominatorMeansOne() {
        assertThat(multiplier(2, 0).value(6)).isEqualByComparingTo("2");
        assertThat(multiplier(2, -3).value(6)).isEqualByComparingTo("2");
        assertThat(multiplier(3, 2).value(6)).isEqualByComparingTo("1.5");
        assertThatThrownBy(() -> new PriceTier.Multiplier(BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(CoreException.class);
    }

    @Test
    void tablePricesRoundTheMultiplierToSixDecimalsThenTheProductToANeuron() {
        assertThat(multiplier(4, 3).timesRounded(BigInteger.valueOf(1_000_000))).isEqualTo(1_333_333);
        assertThat(multiplier(4, 3).timesRounded(BigInteger.valueOf(3))).as("3 × 1.333333 = 3.999999").isEqualTo(4);
        assertThat(multiplier(2, 3).timesRounded(BigInteger.valueOf(1_000_000))).as("0.666667").isEqualTo(666_667);
        assertThat(multiplier(1, 8).timesRounded(BigInteger.valueOf(4))).as("0.5 rounds half-up").isEqualTo(1);
        assertThat(multiplier(3, 2).timesRounded(new BigInteger("400000000000"))).isEqualTo(600_000_000_000L);
        assertThat(multiplier(1, 3).times(new BigDecimal("0.3"), 20)).isEqualByComparingTo("0.1");
    }

    @Test
    void additionalInfoReadsTiersCacheDivisorAndMultiModel() {
        AdditionalInfo info = AdditionalInfo.parse("""
                {"MultiModel":true,"priceDenomination":"USD","TEEVerifier":"dstack",
                 "cacheTokenBilling":{"divisor":10,"writeMultiplierNumerator":5},
                 "tieredPricing":{"tiers":[{"maxInputTokens":32000,"inputMultiplier":1,"outputMultiplier":1},
                   {"maxInputTokens":"x","inputMultiplier":1,"outputMultiplier":1},
                   {"maxInputTokens":0,"inputMultiplier":2,"outputMultiplier":3,"outputMultiplierDenominator":2}]}}
                """);

        assertThat(info.multiModel()).isTrue();
        assertThat(info.priceDenomination()).contains("USD");
        assertThat(info.teeVerifier()).contains("dstack");
        assertThat(info.cacheDivisor()).isEqualTo(OptionalLong.of(10));
        assertThat(info.tiers()).as("entries without a numeric bound are skipped").hasSize(2);
        assertThat(info.tiers().get(0).maxInputTokens()).isEqualTo(32_000);
        assertThat(info.tiers().get(1).unbounded()).isTrue();
        assertThat(info.tiers().get(1).output().value(6)).isEqualByComparingTo("1.5");
    }

    @Test
    void additionalInfoThatIsNotAnObjectIsAPlainService() {
        for (String text : List.of("", "not json", "[1]", "{}", "{\"cacheTokenBilling\":{\"divisor\":0}}")) {
            AdditionalInfo info = AdditionalInfo.parse(text);
            assertThat(info.multiModel()).isFalse();
            assertThat(info.tiered()).isFalse();
            assertThat(info.cacheDivisor()).isEmpty();
        }
    }

    @Test
    void modelInfoReadsTheDisplayedKeysAndTakesTiersFromEitherPriceObject() {
        ModelInfo model = ModelInfo.parse("""
                {"id":"m","canonical_id":"org/m","type":"chatbot","name":"M","description":"d","context_length":128000,
                 "max_completion_tokens":8192,"architecture":{"tokenizer":"Llama3"},"owned_by":"meta","tee_type":"TDX",
                 "tee_verifier":"dstack","supported_parameters":["temperature","top_p"],
                 "pricing":{"prompt":"100","completion":"400",
                   "tiered_pricing":[{"max_input_tokens":0,"input_multiplier":2,"output_multiplier":1}],
                   "cache_token_billing":{"divisor":4}},
                 "pricing_usd":{"prompt":"0.0000002","completion":0.0000008}}
                """);

        assertThat(model.id()).isEqualTo("m");
        assertThat(model.canonicalId()).contains("org/m");
        assertThat(model.contextLength()).isEqualTo(OptionalLong.of(128_000));
        assertThat(model.tokenizer()).contains("Llama3");
        assertThat(model.supportedParameters()).containsExactly("temperature", "top_p");
        assertThat(model.pricing().orElseThrow().prompt()).contains(new BigDecimal("100"));
        assertThat(model.pricingUsd().orElseThrow().completion().orElseThrow()).isEqualByComparingTo("0.0000008");
        assertThat(model.tiers()).hasSize(1);
        assertThat(model.cacheDivisor()).isEqualTo(OptionalLong.of(4));
        assertThat(ModelInfo.parse("nonsense").id()).isEmpty();
    }
}
