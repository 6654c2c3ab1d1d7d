package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.CacheBilling;
import ai.zerog.compute.core.PriceTier;
import ai.zerog.compute.core.PriceTier.Multiplier;
import ai.zerog.compute.core.PricingJson;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker whose model has its own tier table and bills cache tokens with the service's cache
 * billing (PROTOCOL.md §7.3), in front of the dev model reporting 5 cached, 4 cache-write and 100
 * one-hour cache-write tokens on every answer: the user's unsettled fee is exactly the hand-computed
 * neuron amount, and the table is published in {@code /v1/models} and on chain.
 */
class TieredCacheBillingBrokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Odd prices, so every rounding down shows. */
    private static final BigInteger INPUT_PRICE = BigInteger.valueOf(1_000_000_001L);
    private static final BigInteger OUTPUT_PRICE = BigInteger.valueOf(2_000_000_001L);
    private static final List<PriceTier> MODEL_TIERS = List.of(
            new PriceTier(10, Multiplier.ONE, Multiplier.ONE),
            new PriceTier(0, Multiplier.fraction(3, 2), Multiplier.fraction(2, 1)));
    private static final CacheBilling CACHE = CacheBilling.divisor(4).withWrite(Multiplier.fraction(5, 4))
            .withWrite1h(Multiplier.fraction(2, 1));
    /** Overridden by the model's own table: would bill 7× if it leaked through. */
    private static final List<PriceTier> SERVICE_TIERS = List.of(
            new PriceTier(0, Multiplier.fraction(7, 1), Multiplier.fraction(7, 1)));

    @TempDir
    static Path dir;
    private static BrokerFixture broker;
    private static BrokerClient client;

    @BeforeAll
    static void startBroker() {
        ChatPricingConfig pricing = ChatPricingConfig.of(SERVICE_TIERS, CACHE).withModel(BrokerFixture.MODEL,
                new ChatPricingConfig.ModelPricing(MODEL_TIERS, Optional.empty()));
        ProviderConfig config = ProviderConfig.chatbot(0, BrokerFixture.MODEL, INPUT_PRICE, OUTPUT_PRICE)
                .withPricing(pricing);
        broker = new BrokerFixture(dir, config, DevModel.create(DevModelConfig.defaults().withCacheUsage(5, 4, 100)),
                Clock.systemUTC());
        client = new BrokerClient(broker.server.url(), broker.provider.checksummed());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static String chatBody(String content, boolean stream) {
        return "{\"model\":\"" + BrokerFixture.MODEL + "\",\"max_tokens\":3,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + content + "\"}]" + (stream ? ",\"stream\":true" : "") + "}";
    }

    private static String unsettledFee(Secp256k1Key user) throws Exception {
        HttpResponse<String> answer = client.get("/v1/user/" + user.address().checksummed() + "/unsettledfee",
                client.bearer(user));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("unsettledFee").asText();
    }

    @Test
    void aPromptAboveTheFirstBoundPaysTheSecondTierWithCacheRates() throws Exception {
        Secp256k1Key user = broker.user(Units.og(10), Units.og(3));

        HttpResponse<String> answer = client.chat(client.bearer(user),
                chatBody("one two three four five six seven eight nine ten eleven twelve", false));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode usage = JSON.readTree(answer.body()).get("usage");
        assertThat(usage.get("prompt_tokens").asLong()).isEqualTo(12);
        assertThat(usage.get("completion_tokens").asLong()).isEqualTo(3);
        // 12 > 10: second tier, input′ = ⌊1000000001 × 3/2⌋ = 1500000001, output′ = 2000000001 × 2 = 4000000002.
        // cached 5:                      5 × 1500000001 / 4 = 7500000005 / 4        →  1875000001
        // cache write 4 (of 7 left):     4 × 1500000001 × 5/4 = 30000000020 / 4     →  7500000005
        // 1-hour write 100 → 3 left:     3 × 1500000001 × 2/1                       →  9000000006
        // full-price remainder 0; output 3 × 4000000002 = 12000000006
        assertThat(unsettledFee(user)).isEqualTo("30375000018");
        assertThat(broker.store.unsettledFee(user.address())).isEqualTo(new BigInteger("30375000018"));
    }

    @Test
    void aStreamedPromptAtTheFirstBoundPaysBasePricesWithCacheRates() throws Exception {
        Secp256k1Key user = broker.user(Units.og(10), Units.og(3));

        HttpResponse<String> answer = client.chat(client.bearer(user),
                chatBody("one two three four five six seven eight nine ten", true));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"prompt_tokens\":10", "\"completion_tokens\":3", "\"cached_tokens\":5",
                "\"cache_write_1h_tokens\":100", "data: [DONE]");
        // 10 ≤ 10: first tier (1×). cached 5: 5 × 1000000001 / 4 = 5000000005 / 4 → 1250000001
        // cache write 4 (of 5 left): 4 × 1000000001 × 5/4 → 5000000005; 1-hour write 100 → 1 left: 2000000002
        // output 3 × 2000000001 = 6000000003
        assertThat(unsettledFee(user)).isEqualTo("14250000011");
    }

    @Test
    void theModelsTableAndTheRegisteredServicePublishTheTiersAndCacheBilling() throws Exception {
        HttpResponse<String> models = client.get("/v1/models", "");
        JsonNode pricing = JSON.readTree(models.body()).at("/data/0/pricing");

        assertThat(pricing.get("prompt").asText()).isEqualTo("1000000001");
        assertThat(pricing.get("tiered_pricing").toString()).isEqualTo(
                "[{\"max_input_tokens\":10,\"input_multiplier\":1,\"output_multiplier\":1},"
                        + "{\"max_input_tokens\":0,\"input_multiplier\":3,\"output_multiplier\":2,"
                        + "\"input_multiplier_denominator\":2}]");
        assertThat(pricing.get("cache_token_billing").toString()).isEqualTo("{\"divisor\":4,"
                + "\"write_multiplier_numerator\":5,\"write_multiplier_denominator\":4,"
                + "\"write_1h_multiplier_numerator\":2,\"write_1h_multiplier_denominator\":1}");

        JsonNode registered = JSON.readTree(broker.inference(broker.owner).getService(broker.provider).additionalInfo());
        assertThat(PricingJson.CHAIN.tiers(registered.at("/tieredPricing/tiers"))).isEqualTo(MODEL_TIERS);
        assertThat(PricingJson.CHAIN.cache(registered.get("cacheTokenBilling"))).isEqualTo(CACHE);
    }
}
