package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.CacheBilling;
import ai.zerog.compute.core.ChatPricing;
import ai.zerog.compute.core.PriceTier;
import ai.zerog.compute.core.PriceTier.Multiplier;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The chat pricing keys of a provider config: read strictly, checked at start-up, resolved per model, published. */
class ChatPricingConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PriceTier SMALL = new PriceTier(32_000, Multiplier.ONE, Multiplier.ONE);
    private static final PriceTier LARGE = new PriceTier(0, Multiplier.fraction(3, 2), Multiplier.fraction(2, 1));
    private static final CacheBilling CACHE = CacheBilling.divisor(10).withWrite(Multiplier.fraction(5, 4))
            .withWrite1h(Multiplier.fraction(2, 1));

    private static ChatPricingConfig read(String json) {
        try {
            return ChatPricingJson.read(JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(ProviderException.class)
                .hasMessage("invalid pricing config: " + message);
    }

    @Test
    void readsTheServiceLevelTableAndCacheBilling() {
        ChatPricingConfig config = read("""
                {"tieredPricing": {"enabled": true, "tiers": [
                   {"maxInputTokens": 32000, "inputMultiplier": 1, "outputMultiplier": 1},
                   {"maxInputTokens": 0, "inputMultiplier": 3, "inputMultiplierDenominator": 2, "outputMultiplier": 2,
                    "outputMultiplierDenominator": 0}]},
                 "cacheTokenBilling": {"enabled": true, "divisor": 10, "writeMultiplierNumerator": 5,
                   "writeMultiplierDenominator": 4, "write1hMultiplierNumerator": 2, "write1hMultiplierDenominator": 1}}
                """);

        assertThat(config).isEqualTo(ChatPricingConfig.of(List.of(SMALL, LARGE), CACHE));
        assertThat(config.forModel("any")).isEqualTo(new ChatPricing(List.of(SMALL, LARGE), CACHE));
    }

    @Test
    void noPricingKeysIsFlatAndADisabledBlockIsIgnored() {
        assertThat(read("{\"model\": \"m\"}")).isEqualTo(ChatPricingConfig.NONE);
        assertThat(read("""
                {"tieredPricing": {"enabled": false, "tiers": []},
                 "cacheTokenBilling": {"enabled": false, "divisor": 0}}""").flat()).isTrue();
        assertThat(read("{\"cacheTokenBilling\": {}}").forModel("m").cache())
                .as("a block without enabled is on; the divisor defaults to 4").isEqualTo(CacheBilling.divisor(4));
    }

    @Test
    void aModelBillsWithItsOwnTiersAndCacheElseTheServiceOnes() {
        ChatPricingConfig config = read("""
                {"tieredPricing": {"tiers": [{"maxInputTokens": 0, "inputMultiplier": 7, "outputMultiplier": 7}]},
                 "cacheTokenBilling": {"divisor": 10, "writeMultiplierNumerator": 5, "writeMultiplierDenominator": 4,
                   "write1hMultiplierNumerator": 2, "write1hMultiplierDenominator": 1},
                 "modelPricing": [
                   {"model": "own-tiers", "tiers": [
                      {"maxInputTokens": 32000, "inputMultiplier": 1, "outputMultiplier": 1},
                      {"maxInputTokens": 0, "inputMultiplier": 3, "inputMultiplierDenominator": 2, "outputMultiplier": 2}]},
                   {"model": "no-cache", "cacheTokenBilling": {"enabled": false}},
                   {"model": "own-cache", "cacheTokenBilling": {"divisor": 2}}]}
                """);
        List<PriceTier> service = List.of(new PriceTier(0, Multiplier.fraction(7, 1), Multiplier.fraction(7, 1)));

        assertThat(config.forModel("own-tiers")).isEqualTo(new ChatPricing(List.of(SMALL, LARGE), CACHE));
        assertThat(config.forModel("no-cache")).isEqualTo(new ChatPricing(service, CacheBilling.off()));
        assertThat(config.forModel("own-cache")).isEqualTo(new ChatPricing(service, CacheBilling.divisor(2)));
        assertThat(config.forModel("unlisted")).isEqualTo(new ChatPricing(service, CACHE));
    }

    @Test
    void aZeroOrNegativeDivisorIsRefused() {
        assertRefused("{\"cacheTokenBilling\": {\"divisor\": 0}}",
                "cacheTokenBilling.divisor must be >= 1 (cached tokens cost price / divisor), got 0");
        assertRefused("{\"modelPricing\": [{\"model\": \"m\", \"cacheTokenBilling\": {\"divisor\": -3}}]}",
                "modelPricing[0].cacheTokenBilling.divisor must be >= 1 (cached tokens cost price / divisor), got -3");
    }

    @Test
    void badTierTablesAreRefusedNamingTheKey() {
        assertRefused("{\"tieredPricing\": {\"enabled\": true, \"tiers\": []}}",
                "tieredPricing.tiers must not be empty when tieredPricing is enabled");
        assertRefused(tiers("{\"maxInputTokens\": 0, \"inputMultiplier\": 1, \"outputMultiplier\": 1},"
                        + "{\"maxInputTokens\": 100, \"inputMultiplier\": 1, \"outputMultiplier\": 1}"),
                "tieredPricing.tiers[0].maxInputTokens is 0 (no upper bound), so it must be the last tier");
        assertRefused(tiers("{\"maxInputTokens\": 100, \"inputMultiplier\": 1, \"outputMultiplier\": 1},"
                        + "{\"maxInputTokens\": 100, \"inputMultiplier\": 2, \"outputMultiplier\": 2}"),
                "tieredPricing.tiers must be ordered by maxInputTokens ascending, but tieredPricing.tiers[1]"
                        + ".maxInputTokens 100 follows 100");
        assertRefused(tiers("{\"maxInputTokens\": 0, \"inputMultiplier\": 2, \"inputMultiplierDenominator\": 3,"
                        + " \"outputMultiplier\": 1}"),
                "tieredPricing.tiers[0].inputMultiplier 2/3 is below 1x: a tier is a surcharge on the registered"
                        + " base price (numerator >= denominator)");
        assertRefused(tiers("{\"maxInputTokens\": 0, \"inputMultiplier\": 1, \"outputMultiplier\": 1001}"),
                "tieredPricing.tiers[0].outputMultiplier 1001/1 is above 1000x");
        assertRefused(tiers("{\"maxInputTokens\": 0, \"inputMultiplier\": 1.5, \"outputMultiplier\": 1}"),
                "tieredPricing.tiers[0].inputMultiplier must be a whole number, got 1.5");
        assertRefused(tiers("{\"maxInputTokens\": 0, \"inputMultiplier\": 0, \"outputMultiplier\": 1}"),
                "tieredPricing.tiers[0].inputMultiplier must be >= 1, got 0");
        assertRefused(tiers("{\"maxInputToken\": 10, \"inputMultiplier\": 1, \"outputMultiplier\": 1}"),
                "tieredPricing.tiers[0] has an unknown key \"maxInputToken\"; known keys: [inputMultiplier,"
                        + " inputMultiplierDenominator, maxInputTokens, outputMultiplier, outputMultiplierDenominator]");
        assertRefused(tiers("{\"inputMultiplier\": 1, \"outputMultiplier\": 1}"),
                "tieredPricing.tiers[0].maxInputTokens is missing");
    }

    @Test
    void badCacheWriteMultipliersAreRefused() {
        assertRefused(cache("\"writeMultiplierNumerator\": 5"),
                "cacheTokenBilling.writeMultiplierNumerator/writeMultiplierDenominator must both be >= 1 when set,"
                        + " got 5/0");
        assertRefused(cache("\"writeMultiplierNumerator\": 1, \"writeMultiplierDenominator\": 2"),
                "cacheTokenBilling.writeMultiplierNumerator/writeMultiplierDenominator 1/2 is below 1x: a cache write"
                        + " costs at least the full input price (numerator >= denominator)");
        assertRefused(cache("\"write1hMultiplierNumerator\": 2, \"write1hMultiplierDenominator\": 1"),
                "cacheTokenBilling.write1hMultiplier is set but cacheTokenBilling.writeMultiplier (the default,"
                        + " 5-minute cache) is not; set it too (1/1 bills default cache writes at the full input price)");
        assertRefused(cache("\"writeMultiplierNumerator\": 2, \"writeMultiplierDenominator\": 1,"
                        + " \"write1hMultiplierNumerator\": 5, \"write1hMultiplierDenominator\": 4"),
                "cacheTokenBilling.write1hMultiplier 5/4 must be at least cacheTokenBilling.writeMultiplier 2/1:"
                        + " a 1-hour cache write never costs less than a 5-minute one");
        assertRefused("{\"cacheTokenBilling\": {\"enabled\": \"yes\"}}",
                "cacheTokenBilling.enabled must be true or false, got \"yes\"");
        assertRefused("{\"modelPricing\": [{\"model\": \"m\"}, {\"model\": \"m\"}]}",
                "modelPricing[1].model 'm' appears twice in modelPricing");
    }

    @Test
    void theBrokerConfigRefusesPricingItCannotApply() {
        ChatPricingConfig other = ChatPricingConfig.NONE.withModel("other-model",
                new ChatPricingConfig.ModelPricing(List.of(SMALL), Optional.empty()));
        ProviderConfig chat = ProviderConfig.chatbot(0, "dev-model", BigInteger.ONE, BigInteger.ONE);

        assertThatThrownBy(() -> chat.withPricing(other)).isInstanceOf(ProviderException.class)
                .hasMessage("modelPricing names model 'other-model' but this broker serves 'dev-model'");
        assertThatThrownBy(() -> chat.withPricing(ChatPricingConfig.of(List.of(), CACHE))
                .withServiceType("text-to-image")).isInstanceOf(ProviderException.class)
                .hasMessage("tieredPricing and cacheTokenBilling price chat tokens; a text-to-image service cannot"
                        + " use them");
        assertThatThrownBy(() -> ChatPricingConfig.of(List.of(LARGE, SMALL), CacheBilling.off()))
                .isInstanceOf(ProviderException.class).hasMessageContaining("must be the last tier");
    }

    @Test
    void theRegisteredAdditionalInfoCarriesTheServedModelsPricing() {
        ProviderConfig config = ProviderConfig.chatbot(0, "dev-model", BigInteger.ONE, BigInteger.TWO)
                .withPricing(ChatPricingConfig.of(List.of(SMALL, LARGE), CacheBilling.divisor(10)
                        .withWrite(Multiplier.fraction(5, 4))));

        assertThat(ServiceConfig.forBroker(config, URI.create("https://p.example")).additionalInfo().json()).isEqualTo(
                "{\"ImageName\":\"zerog-compute-java/provider:dev\",\"TEEVerifier\":\"dstack\",\"TargetSeparated\":false,"
                        + "\"TargetTeeAddress\":\"\",\"VerifierURL\":\"\",\"cacheTokenBilling\":{\"divisor\":10,"
                        + "\"writeMultiplierNumerator\":5,\"writeMultiplierDenominator\":4},\"tieredPricing\":{\"tiers\":"
                        + "[{\"maxInputTokens\":32000,\"inputMultiplier\":1,\"outputMultiplier\":1},{\"maxInputTokens\":0,"
                        + "\"inputMultiplier\":3,\"outputMultiplier\":2,\"inputMultiplierDenominator\":2}]}}");
        assertThat(ServiceConfig.forBroker(ProviderConfig.chatbot(0, "m", BigInteger.ONE, BigInteger.TWO),
                URI.create("https://p.example"))).as("flat prices register what ServiceConfig.of does")
                .isEqualTo(ServiceConfig.of("chatbot", URI.create("https://p.example"), "m", BigInteger.ONE,
                        BigInteger.TWO));
    }

    private static String tiers(String entries) {
        return "{\"tieredPricing\": {\"tiers\": [" + entries + "]}}";
    }

    private static String cache(String keys) {
        return "{\"cacheTokenBilling\": {\"divisor\": 4, " + keys + "}}";
    }
}
