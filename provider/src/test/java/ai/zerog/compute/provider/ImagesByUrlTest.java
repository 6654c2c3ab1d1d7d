package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.ResponseSigning;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.Units;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images returned by URL (PROTOCOL.md §9.6) on a running text-to-image broker with the dev model
 * upstream: the client gets broker URLs serving exactly the bytes the model painted, the TEE
 * signs those decoded bytes (§5.1), and the fee is the usual {@code n × outputPrice}.
 */
class ImagesByUrlTest {
    @TempDir
    static Path dir;
    private static BrokerFixture broker;
    private static BrokerClient client;
    private static Secp256k1Key user;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startBroker() {
        broker = new BrokerFixture(dir, BrokerFixture.defaultConfig().withServiceType("text-to-image")
                .withLimits(new RateLimits(10_000, 10_000, 50, 100)));
        client = new BrokerClient(broker.server.url(), broker.provider.checksummed());
        user = broker.user(Units.og(10), Units.og(3));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldAnswerUrlsThatServeThePaintedImagesAndSignTheirBytes() throws IOException {
        String asUrl = generation("a red fox", 2, "url");
        List<byte[]> painted = base64Images(post("/v1/proxy/images/generations", "application/json",
                generation("a red fox", 2, "b64_json")));
        BigInteger feeBefore = broker.store.unsettledFee(user.address());

        HttpResponse<String> answer = post("/v1/proxy/images/generations", "application/json", asUrl);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String chatKey = answer.headers().firstValue("ZG-Res-Key").orElseThrow();
        JsonNode data = SseEvents.json(answer.body()).get("data");
        assertThat(data).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(data.get(i).has("b64_json")).isFalse();
            String url = data.get(i).get("url").textValue();
            assertThat(url).isEqualTo(broker.server.url() + "/v1/proxy/images/" + chatKey + "/" + i);
            HttpResponse<byte[]> image = getBytes(URI.create(url));
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.body()).isEqualTo(painted.get(i));
            assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(image.headers().firstValue("Cache-Control").orElse("")).matches("private, max-age=\\d+, immutable");
        }
        assertSignedImages(chatKey, asUrl, painted);
        assertThat(broker.store.unsettledFee(user.address()).subtract(feeBefore))
                .isEqualTo(BrokerFixture.OUTPUT_PRICE.multiply(BigInteger.TWO));
    }

    @Test
    void shouldAnswerMultipartEditsByUrlToo() throws IOException {
        byte[] input = DevImagePainter.png(new byte[32], 8, 8);
        MultipartBodyBuilder byUrl = edit(input, "url");
        List<byte[]> painted = base64Images(post("/v1/proxy/images/edits", edit(input, "b64_json")));

        HttpResponse<String> answer = post("/v1/proxy/images/edits", byUrl);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String chatKey = answer.headers().firstValue("ZG-Res-Key").orElseThrow();
        String url = SseEvents.json(answer.body()).at("/data/0/url").textValue();
        assertThat(url).endsWith("/v1/proxy/images/" + chatKey + "/0");
        assertThat(getBytes(URI.create(url)).body()).isEqualTo(painted.get(0));
        assertSignedImages(chatKey, new String(byUrl.build(), StandardCharsets.ISO_8859_1), painted);
    }

    @Test
    void shouldPassAnAnswerWithoutResponseFormatThroughAsBefore() throws IOException {
        String request = "{\"model\":\"" + BrokerFixture.MODEL + "\",\"prompt\":\"a windmill\"}";

        HttpResponse<String> answer = post("/v1/proxy/images/generations", "application/json", request);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(SseEvents.json(answer.body()).at("/data/0/url").textValue()).startsWith("data:image/png;base64,");
        String text = signatureText(answer.headers().firstValue("ZG-Res-Key").orElseThrow());
        assertThat(text).isEqualTo(ResponseSigning.chatText(request.getBytes(StandardCharsets.UTF_8),
                answer.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldAnswerUnknownKeysAndBadIndexesWith404() throws IOException {
        HttpResponse<String> answer = post("/v1/proxy/images/generations", "application/json", generation("owl", 1, "url"));
        String chatKey = answer.headers().firstValue("ZG-Res-Key").orElseThrow();
        String base = broker.server.url() + "/v1/proxy/images/";

        assertThat(getBytes(URI.create(base + chatKey + "/0")).statusCode()).isEqualTo(200);
        assertThat(getBytes(URI.create(base + chatKey.toUpperCase() + "/0")).statusCode()).isEqualTo(200);
        for (String missing : List.of("00000000-0000-0000-0000-000000000000/0", chatKey + "/1", chatKey + "/x",
                chatKey + "/-1", chatKey + "/99999999999")) {
            HttpResponse<String> refused = client.get("/v1/proxy/images/" + missing, "");
            assertThat(refused.statusCode()).as(missing).isEqualTo(404);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(SseEvents.json(refused.body()).get("error").textValue()).startsWith("image not found or expired");
        }
    }

    @Test
    void shouldServeImagesWithTheProxyRoutesCors() {
        HttpResponse<String> answer = post("/v1/proxy/images/generations", "application/json", generation("bee", 1, "url"));
        String url = SseEvents.json(answer.body()).at("/data/0/url").textValue();

        HttpResponse<byte[]> image = send(HttpRequest.newBuilder(URI.create(url)).header("Origin", "https://app.example")
                .GET().build());

        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example");
        assertThat(image.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
    }

    /** What processResponse checks (§5.3): the text recovers to the TEE signer; and it covers the decoded images. */
    private static void assertSignedImages(String chatKey, String request, List<byte[]> images) throws IOException {
        JsonNode signature = SseEvents.json(client.get("/v1/proxy/signature/" + chatKey, "").body());
        String text = signature.get("text").textValue();
        assertThat(text).isEqualTo(ResponseSigning.imageText(request.getBytes(StandardCharsets.ISO_8859_1), images));
        assertThat(ResponseSigning.recover(text, Signature.of(signature.get("signature").textValue())))
                .contains(broker.signer.address());
    }

    private static String signatureText(String chatKey) {
        return SseEvents.json(client.get("/v1/proxy/signature/" + chatKey, "").body()).get("text").textValue();
    }

    private static String generation(String prompt, int n, String format) {
        return "{\"model\":\"" + BrokerFixture.MODEL + "\",\"prompt\":\"" + prompt + "\",\"n\":" + n
                + ",\"size\":\"48x32\",\"response_format\":\"" + format + "\"}";
    }

    private static MultipartBodyBuilder edit(byte[] input, String format) {
        return new MultipartBodyBuilder("edit-boundary")
                .file("image", "in.png", "image/png", input)
                .field("model", BrokerFixture.MODEL)
                .field("prompt", "make it blue")
                .field("response_format", format);
    }

    private static List<byte[]> base64Images(HttpResponse<String> answer) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<byte[]> images = new ArrayList<>();
        for (JsonNode item : SseEvents.json(answer.body()).get("data")) {
            images.add(Base64.getDecoder().decode(item.get("b64_json").textValue()));
        }
        return images;
    }

    private HttpResponse<String> post(String path, String contentType, String body) {
        return client.post(path, client.bearer(user), contentType, body);
    }

    private HttpResponse<String> post(String path, MultipartBodyBuilder form) {
        return client.send(HttpRequest.newBuilder(broker.server.url().resolve(path))
                .header("Content-Type", form.contentType())
                .header("Authorization", client.bearer(user))
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.build())).build());
    }

    private HttpResponse<byte[]> getBytes(URI url) {
        return send(HttpRequest.newBuilder(url).GET().build());
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("request to the broker failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
