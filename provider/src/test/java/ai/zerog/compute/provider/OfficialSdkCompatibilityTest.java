package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.core.Secp256k1Key;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official TypeScript SDK 0.9.0, unmodified, against our broker on our contracts: it funds
 * a user, lists our service, gets headers, calls chat (plain and streamed), images and
 * transcription, and verifies every answer with processResponse; then settlement takes
 * exactly the fees the broker recorded from the user's sub-account.
 */
class OfficialSdkCompatibilityTest {
    @Test
    void officialSdkShouldFundCallAndVerifyEveryEndpointOfOurBroker(@TempDir Path dir) throws Exception {
        try (BrokerFixture broker = new BrokerFixture(dir, BrokerFixture.defaultConfig())) {
            Secp256k1Key user = broker.funded(ai.zerog.compute.core.Units.og(100));

            JsonNode out = OfficialSdk.runClient(List.of(broker.rpc.url().toString(), BrokerFixture.privateKeyHex(user),
                    broker.deployment.ledger().hex(), broker.deployment.inference().hex(), broker.provider.checksummed(),
                    "full"));

            System.out.println("official SDK timings: " + out.path("timings"));
            assertThat(out.path("listed").findValuesAsText("provider")).contains(broker.provider.checksummed());
            assertThat(out.path("endpoint").asText()).isEqualTo(broker.server.url() + "/v1/proxy");
            JsonNode chat = out.path("chat");
            assertThat(chat.path("status").asInt()).as(chat.toString()).isEqualTo(200);
            assertThat(chat.path("verified").asBoolean()).isTrue();
            assertThat(chat.path("providerHeader").asText()).isEqualToIgnoringCase(broker.provider.hex());
            JsonNode stream = out.path("stream");
            assertThat(stream.path("status").asInt()).as(stream.toString()).isEqualTo(200);
            assertThat(stream.path("endsWithDone").asBoolean()).isTrue();
            assertThat(stream.path("usage").path("completion_tokens").asLong()).isPositive();
            assertThat(stream.path("verified").asBoolean()).isTrue();
            JsonNode image = out.path("image");
            assertThat(image.path("status").asInt()).as(image.toString()).isEqualTo(200);
            assertThat(image.path("count").asInt()).isEqualTo(2);
            assertThat(image.path("pngMagic").asText()).isEqualTo("PNG");
            assertThat(image.path("verified").asBoolean()).isTrue();
            JsonNode transcription = out.path("transcription");
            assertThat(transcription.path("status").asInt()).as(transcription.toString()).isEqualTo(200);
            assertThat(transcription.path("verified").asBoolean()).isTrue();

            BigInteger expected = chatFee(chat.path("usage")).add(chatFee(stream.path("usage")))
                    .add(BrokerFixture.OUTPUT_PRICE.multiply(BigInteger.TWO))
                    .add(BrokerFixture.INPUT_PRICE.multiply(BigInteger.valueOf(
                            Math.max(1, Math.round(transcription.path("usage").path("seconds").asDouble())))));
            assertThat(broker.store.unsettledFee(user.address())).isEqualTo(expected);
            JsonNode unsettled = new ObjectMapper().readTree(out.path("unsettled").path("body").asText());
            assertThat(out.path("unsettled").path("status").asInt()).isEqualTo(200);
            assertThat(unsettled.path("unsettledFee").asText()).isEqualTo(expected.toString());

            Account before = broker.inference(user).getAccount(user.address(), broker.provider);
            broker.settlement.runOnce();
            Account after = broker.inference(user).getAccount(user.address(), broker.provider);
            assertThat(before.balance().subtract(after.balance())).isEqualTo(expected);
            assertThat(broker.store.unsettledFee(user.address())).isZero();
        }
    }

    private static BigInteger chatFee(JsonNode usage) {
        return BrokerFixture.INPUT_PRICE.multiply(BigInteger.valueOf(usage.path("prompt_tokens").asLong()))
                .add(BrokerFixture.OUTPUT_PRICE.multiply(BigInteger.valueOf(usage.path("completion_tokens").asLong())));
    }
}
