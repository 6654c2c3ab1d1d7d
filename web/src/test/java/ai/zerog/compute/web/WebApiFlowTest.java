package ai.zerog.compute.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON API as the pages use it, for the local identity, against real providers on a real
 * chain: connect, fund, chat (streamed, verified, charged), images, transcription, API keys and
 * attestation. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebApiFlowTest {
    @TempDir
    static Path dir;
    static WebNetwork net;
    static WebUiServer server;
    static ApiClient page;
    static Secp256k1Key user;

    @BeforeAll
    static void start() {
        net = new WebNetwork(dir, "chatbot", "text-to-image", "image-editing", "speech-to-text");
        user = net.funded(Units.og(100));
        server = WebUiServer.start(new WebUiConfig("127.0.0.1", 0, net.profile),
                LocalIdentity.of("test wallet", () -> ZgComputeBroker.create(user, net.profile)), dir.resolve("ui-data"));
        page = new ApiClient(server.url()).as("local");
    }

    @AfterAll
    static void stop() {
        server.close();
        net.close();
    }

    static String chatbot() {
        return net.providers.get("chatbot").checksummed();
    }

    @Test
    @Order(1)
    void shouldListEveryProviderWithPricesBeforeAnyWalletIsConnected() {
        JsonNode providers = new ApiClient(server.url()).get("/api/providers").json().path("providers");

        assertThat(providers).hasSize(4);
        JsonNode chat = find(providers, chatbot());
        assertThat(chat.path("serviceType").asText()).isEqualTo("chatbot");
        assertThat(chat.path("model").asText()).isEqualTo("dev-chatbot");
        assertThat(chat.path("acknowledged").asBoolean()).isTrue();
        assertThat(chat.path("price").asText()).isEqualTo("0.001 0G in / 0.002 0G out per 1M tokens");
        assertThat(chat.path("endpoint").asText()).endsWith("/v1/proxy");
        JsonNode image = find(providers, net.providers.get("text-to-image").checksummed());
        assertThat(image.path("price").asText()).isEqualTo("0.000000002 0G per image");
    }

    @Test
    @Order(2)
    void shouldReportEachProvidersHealthAndModels() {
        JsonNode health = page.get("/api/providers/" + chatbot() + "/health").json();

        assertThat(health.path("reachable").asBoolean()).isTrue();
        assertThat(health.path("models").path(0).path("id").asText()).isEqualTo("dev-chatbot");
    }

    @Test
    @Order(3)
    void shouldConnectTheLocalIdentityAndShowThatItHasNoLedgerYet() {
        ApiClient.Answer connected = page.post("/api/wallet/local/connect", Map.of());
        JsonNode account = page.get("/api/account").json();

        assertThat(connected.json().path("address").asText()).isEqualTo(user.address().checksummed());
        assertThat(account.path("kind").asText()).isEqualTo("local");
        assertThat(account.path("ledger").path("exists").asBoolean()).isFalse();
        assertThat(account.path("minimums").path("ledger").asText()).isEqualTo("3");
    }

    @Test
    @Order(4)
    void shouldRefuseChatWithoutFundsAndSayWhatToTransfer() {
        ApiClient.Answer refused = page.post("/api/chat", chat("Hello"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("error").asText()).contains("Transfer funds");
        assertThat(refused.json().path("fix").path("action").asText()).isEqualTo("transfer");
        assertThat(refused.json().path("fix").path("provider").asText()).isEqualTo(chatbot());
    }

    @Test
    @Order(5)
    void shouldDepositAndTransferToEveryProvider() {
        JsonNode deposited = page.post("/api/account/deposit", Map.of("amount", "20")).json();
        for (Address provider : net.providers.values()) {
            ApiClient.Answer moved = page.post("/api/account/transfer",
                    Map.of("provider", provider.checksummed(), "amount", "2"));
            assertThat(moved.status()).as(moved.json().toString()).isEqualTo(200);
        }
        JsonNode ledger = page.get("/api/account").json().path("ledger");

        assertThat(deposited.path("account").path("ledger").path("available").asText()).isEqualTo("20");
        assertThat(ledger.path("available").asText()).isEqualTo("12");
        assertThat(ledger.path("locked").asText()).isEqualTo("8");
        assertThat(ledger.path("providers")).hasSize(4);
        assertThat(find(ledger.path("providers"), chatbot()).path("usable").asText()).isEqualTo("2");
    }

    @Test
    @Order(6)
    void shouldStreamAChatAnswerAndVerifyItsSignature() {
        List<ApiClient.Event> events = page.stream("/api/chat", chat("Hello, devnet"));

        assertThat(events).extracting(ApiClient.Event::name).contains("delta").last().isEqualTo("done");
        String text = events.stream().filter(e -> e.name().equals("delta")).map(e -> e.data().path("text").asText())
                .reduce("", String::concat);
        JsonNode done = events.getLast().data();
        assertThat(text).isNotBlank();
        assertThat(done.path("verified").asBoolean()).as(done.toString()).isTrue();
        assertThat(done.path("signedText").asText()).isNotBlank();
        assertThat(done.path("chatId").asText()).isNotBlank();
        assertThat(new BigInteger(done.path("feeNeuron").asText())).isPositive();
        assertThat(done.path("usage").path("completionTokens").asLong()).isPositive();
    }

    @Test
    @Order(7)
    void shouldGenerateAVerifiedImage() {
        ApiClient.Answer answer = page.post("/api/images/generations", Map.of("provider",
                net.providers.get("text-to-image").checksummed(), "prompt", "a sea otter", "size", "256x256"));

        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        byte[] png = Base64.getDecoder().decode(answer.json().path("images").path(0).asText());
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(answer.json().path("receipt").path("verified").asBoolean()).as(answer.json().path("receipt").toString())
                .isTrue();
        assertThat(answer.json().path("receipt").path("fee").asText()).isEqualTo("0.000000002");
    }

    @Test
    @Order(8)
    void shouldEditAnImage() {
        byte[] png = Base64.getDecoder().decode(page.post("/api/images/generations", Map.of("provider",
                net.providers.get("text-to-image").checksummed(), "prompt", "a cat", "size", "256x256"))
                .json().path("images").path(0).asText());

        ApiClient.Answer answer = page.post("/api/images/edits", Map.of("provider",
                net.providers.get("image-editing").checksummed(), "prompt", "make it purple", "size", "256x256",
                "image", Base64.getEncoder().encodeToString(png), "fileName", "cat.png", "mimeType", "image/png"));

        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        assertThat(answer.json().path("images")).hasSize(1);
        assertThat(answer.json().path("receipt").path("verified").asBoolean()).isTrue();
    }

    @Test
    @Order(9)
    void shouldTranscribeAudioAndChargePerSecond() {
        ApiClient.Answer answer = page.post("/api/audio/transcriptions", Map.of("provider",
                net.providers.get("speech-to-text").checksummed(), "audio",
                Base64.getEncoder().encodeToString(silentWav(16_000, 32_000)), "fileName", "hello.wav"));

        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        assertThat(answer.json().path("text").asText()).contains("hello.wav").contains("2");
        assertThat(answer.json().path("receipt").path("verified").asBoolean()).isTrue();
        assertThat(answer.json().path("receipt").path("feeNeuron").asText())
                .isEqualTo(WebNetwork.INPUT_PRICE.multiply(BigInteger.TWO).toString());
    }

    @Test
    @Order(10)
    void shouldCreateListAndRevokeAnApiKey() {
        JsonNode created = page.post("/api/keys", Map.of("provider", chatbot(), "name", "my app", "validity", "7d")).json();
        JsonNode listed = page.get("/api/keys").json().path("keys");
        JsonNode revoked = page.post("/api/keys/revoke", Map.of("provider", chatbot(),
                "tokenId", created.path("tokenId").asInt())).json();

        assertThat(created.path("key").asText()).startsWith("app-sk-");
        assertThat(created.path("endpoint").asText()).endsWith("/v1/proxy");
        assertThat(listed).hasSize(1);
        assertThat(listed.path(0).path("revoked").asBoolean()).isFalse();
        assertThat(listed.path(0).path("name").asText()).isEqualTo("my app");
        assertThat(revoked.path("keys").path(0).path("revoked").asBoolean()).isTrue();
    }

    @Test
    @Order(11)
    void shouldVerifyAProviderStepByStep() {
        List<ApiClient.Event> events = page.stream("/api/providers/" + chatbot() + "/verify", Map.of());

        assertThat(events).extracting(ApiClient.Event::name).contains("step").last().isEqualTo("done");
        JsonNode done = events.getLast().data();
        assertThat(done.path("passed").asBoolean()).as(done.toString()).isTrue();
        assertThat(done.path("simulated").asBoolean()).isTrue();
        assertThat(done.path("reports")).isNotEmpty();
        String type = done.path("reports").path(0).asText();
        assertThat(page.raw(java.net.http.HttpRequest.newBuilder(page.uri("/api/providers/" + chatbot() + "/reports/"
                + type)).GET().build()).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(12)
    void shouldRetrieveAndRefundWithPendingRefundsShown() {
        JsonNode retrieved = page.post("/api/account/retrieve", Map.of("provider",
                net.providers.get("image-editing").checksummed())).json();
        JsonNode refunded = page.post("/api/account/refund", Map.of("amount", "1")).json();

        JsonNode row = find(retrieved.path("account").path("ledger").path("providers"),
                net.providers.get("image-editing").checksummed());
        assertThat(row.path("refunds")).hasSize(1);
        assertThat(row.path("refunds").path(0).path("unlocked").asBoolean()).isFalse();
        assertThat(row.path("refunds").path(0).path("secondsLeft").asLong()).isPositive();
        assertThat(refunded.path("account").path("ledger").path("available").asText()).isEqualTo("11");
    }

    @Test
    @Order(13)
    void shouldSayHowMuchIsMissingWhenTheLedgerIsShort() {
        ApiClient.Answer refused = page.post("/api/account/transfer", Map.of("provider", chatbot(), "amount", "500"));

        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.json().path("error").asText()).contains("Deposit at least 489 0G");
        assertThat(refused.json().path("fix").path("action").asText()).isEqualTo("deposit");
        assertThat(refused.json().path("fix").path("amount").asText()).isEqualTo("489");
    }

    static Map<String, Object> chat(String text) {
        return Map.of("provider", chatbot(), "messages", List.of(Map.of("role", "user", "content", text)));
    }

    static JsonNode find(JsonNode list, String provider) {
        for (JsonNode item : list) {
            if (item.path("provider").asText().equals(provider)) {
                return item;
            }
        }
        throw new AssertionError("no " + provider + " in " + list);
    }

    /** A silent 16-bit mono PCM WAV of {@code frames} frames. */
    static byte[] silentWav(int sampleRate, int frames) {
        int dataSize = frames * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataSize).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataSize);
        return wav.array();
    }
}
