package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-user rate and concurrency limits and the broker-wide in-flight cap. The broker's clock is
 * fixed, so the token bucket never refills during the test and every count is exact.
 */
class BrokerLimitsTest {
    @TempDir
    static Path dir;
    private static BrokerFixture broker;
    private static BrokerClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startBroker() {
        Clock fixed = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        broker = new BrokerFixture(dir, BrokerFixture.defaultConfig().withLimits(new RateLimits(30, 5, 2, 3)),
                DevModel.create(DevModelConfig.defaults().withTokenDelay(Duration.ofMillis(200))), fixed);
        client = new BrokerClient(broker.server.url(), broker.provider.checksummed());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldAllowABurstOfFiveThenAnswer429WithRetryAfterAndLimitHeaders() {
        Secp256k1Key user = broker.user(Units.og(10), Units.og(3));
        String bearer = client.bearer(user);
        String shortChat = "{\"model\":\"dev-model\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]}";

        List<String> remaining = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> ok = client.chat(bearer, shortChat);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(ok.headers().firstValue("x-ratelimit-limit-requests")).contains("30");
            remaining.add(ok.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());
        }
        HttpResponse<String> limited = client.chat(bearer, shortChat);

        assertThat(remaining).containsExactly("5", "4", "3", "2", "1");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        assertThat(limited.body()).contains("Rate limit exceeded. Please slow down your request rate (limit: 30 requests/min).");
    }

    @Test
    void shouldAnswer429ForAThirdConcurrentRequestAnd503BeyondTheGlobalCap() throws Exception {
        Secp256k1Key busy = broker.user(Units.og(10), Units.og(3));
        Secp256k1Key other = broker.user(Units.og(10), Units.og(3));
        Secp256k1Key late = broker.user(Units.og(10), Units.og(3));
        List<InputStream> open = new ArrayList<>();
        try {
            open.add(openStream(busy));
            open.add(openStream(busy));
            HttpResponse<String> third = client.chat(client.bearer(busy), streamBody());
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.body()).contains("You have 2 active requests (limit: 2)");

            open.add(openStream(other));
            HttpResponse<String> beyond = client.chat(client.bearer(late), streamBody());
            assertThat(beyond.statusCode()).isEqualTo(503);
            assertThat(beyond.body()).contains("Server is currently processing too many requests");
        } finally {
            for (InputStream stream : open) {
                stream.close();
            }
        }
    }

    /** Starts a slow streamed chat and returns once its headers arrived, i.e. while it is in flight. */
    private InputStream openStream(Secp256k1Key user) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                        broker.server.url().resolve("/v1/proxy/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", client.bearer(user))
                .POST(HttpRequest.BodyPublishers.ofString(streamBody())).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String streamBody() {
        return "{\"model\":\"dev-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\""
                + "tell me a long story about many things ".repeat(5) + "\"}]}";
    }
}
