package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.PriceTier.Multiplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The camelCase (additionalInfo) and snake_case (/v1/models) spellings of tiers and cache billing. */
class PricingJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<PriceTier> TIERS = List.of(
            new PriceTier(32_000, Multiplier.ONE, Multiplier.ONE),
            new PriceTier(0, Multiplier.fraction(3, 2), Multiplier.fraction(2, 1)));

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void tiersAreWrittenWithDenominatorsOnlyWhenTheyAreNotOne() {
        assertThat(PricingJson.MODELS.write(TIERS).toString()).isEqualTo(
                "[{\"max_input_tokens\":32000,\"input_multiplier\":1,\"output_multiplier\":1},"
                        + "{\"max_input_tokens\":0,\"input_multiplier\":3,\"output_multiplier\":2,"
                        + "\"input_multiplier_denominator\":2}]");
        assertThat(PricingJson.CHAIN.write(TIERS).toString()).isEqualTo(
                "[{\"maxInputTokens\":32000,\"inputMultiplier\":1,\"outputMultiplier\":1},"
                        + "{\"maxInputTokens\":0,\"inputMultiplier\":3,\"outputMultiplier\":2,"
                        + "\"inputMultiplierDenominator\":2}]");
    }

    @Test
    void writtenTiersReadBackEqual() throws Exception {
        for (PricingJson spelling : PricingJson.values()) {
            assertThat(spelling.tiers(tree(spelling.write(TIERS).toString()))).isEqualTo(TIERS);
        }
    }

    @Test
    void readingSkipsEntriesThatDoNotFitLikeTheOfficialSdk() throws Exception {
        List<PriceTier> tiers = PricingJson.CHAIN.tiers(tree("""
                [{"maxInputTokens":32000,"inputMultiplier":1,"outputMultiplier":1},
                 {"maxInputTokens":"x","inputMultiplier":1,"outputMultiplier":1},
                 {"maxInputTokens":-5,"inputMultiplier":1,"outputMultiplier":1},
                 {"maxInputTokens":100,"inputMultiplier":"2","outputMultiplier":1},
                 {"maxInputTokens":0,"inputMultiplier":2,"outputMultiplier":3,"outputMultiplierDenominator":2,
                  "inputMultiplierDenominator":0}]"""));

        assertThat(tiers).hasSize(2);
        assertThat(tiers.get(1).input().value(6)).as("a zero denominator means 1").isEqualByComparingTo("2");
        assertThat(tiers.get(1).output().value(6)).isEqualByComparingTo("1.5");
        assertThat(PricingJson.MODELS.tiers(tree("{\"tiers\":[]}"))).isEmpty();
        assertThat(PricingJson.MODELS.tiers(null)).isEmpty();
    }

    @Test
    void cacheBillingIsWrittenWithTheWriteMultipliersThatAreSet() throws Exception {
        CacheBilling cache = CacheBilling.divisor(10).withWrite(Multiplier.fraction(5, 4))
                .withWrite1h(Multiplier.fraction(2, 1));

        assertThat(PricingJson.CHAIN.write(CacheBilling.divisor(4)).toString()).isEqualTo("{\"divisor\":4}");
        assertThat(PricingJson.MODELS.write(cache).toString()).isEqualTo("{\"divisor\":10,"
                + "\"write_multiplier_numerator\":5,\"write_multiplier_denominator\":4,"
                + "\"write_1h_multiplier_numerator\":2,\"write_1h_multiplier_denominator\":1}");
        assertThat(PricingJson.CHAIN.cache(tree(PricingJson.CHAIN.write(cache).toString()))).isEqualTo(cache);
    }

    @Test
    void cacheBillingWithoutAUsableDivisorReadsAsOff() throws Exception {
        for (String json : List.of("{}", "{\"divisor\":0}", "{\"divisor\":\"4\"}", "{\"divisor\":2.5}", "[]")) {
            assertThat(PricingJson.CHAIN.cache(tree(json))).as(json).isEqualTo(CacheBilling.off());
        }
        assertThat(PricingJson.CHAIN.cache(tree("{\"divisor\":4,\"writeMultiplierNumerator\":5}")))
                .as("half a fraction is no multiplier").isEqualTo(CacheBilling.divisor(4));
    }
}
