package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.SessionToken;
import ai.zerog.compute.core.SignedSessionToken;
import ai.zerog.compute.core.Units;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session headers (cached, renewed on a fake clock) and persistent API keys against our real broker. */
class InferenceBrokerKeysTest {
    @TempDir
    static Path dir;
    static InferenceNetwork net;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        net = new InferenceNetwork(dir);
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    void shouldReuseTheSessionHeaderUntilAnHourIsLeftThenMintANewOne() {
        InferenceNetwork.ManualClock clock = new InferenceNetwork.ManualClock(Instant.now());
        try (ZgComputeBroker user = net.newUser(clock)) {
            InferenceBroker inference = user.inference();
            user.ledger().addLedger(Units.og(10));
            assertThatThrownBy(() -> inference.requestHeaders(net.provider))
                    .isInstanceOf(ProviderNotAcknowledgedException.class)
                    .hasMessageContaining(net.provider.checksummed());
            inference.acknowledgeProvider(net.provider);

            String first = header(inference);
            SessionToken token = SignedSessionToken.fromAuthorizationHeader(first).token();
            assertThat(token.tokenId()).isEqualTo(SessionToken.EPHEMERAL_TOKEN_ID);
            assertThat(token.timestamp()).isEqualTo(clock.millis());
            assertThat(token.expiresAt() - token.timestamp()).isEqualTo(Duration.ofHours(24).toMillis());
            assertThat(token.address()).isEqualTo(user.address().checksummed());
            assertThat(token.provider()).isEqualTo(net.provider.checksummed());
            assertThat(token.generation()).isZero();

            clock.advance(Duration.ofHours(22).plusMinutes(59));
            assertThat(header(inference)).isEqualTo(first);

            clock.advance(Duration.ofMinutes(2));
            String renewed = header(inference);
            assertThat(renewed).isNotEqualTo(first);
            assertThat(SignedSessionToken.fromAuthorizationHeader(renewed).token().timestamp()).isEqualTo(clock.millis());
            assertThat(header(inference)).isEqualTo(renewed);

            inference.revokeAllApiKeys(net.provider);
            String afterRevoke = header(inference);
            assertThat(afterRevoke).isNotEqualTo(renewed);
            assertThat(SignedSessionToken.fromAuthorizationHeader(afterRevoke).token().generation()).isEqualTo(1);
            InferenceNetwork.pollUntil("the broker accepts the generation-1 session token", Duration.ofSeconds(30),
                    () -> send(afterRevoke).statusCode() == 200);
            assertThat(send(renewed).body()).contains("revoked");
        }
    }

    @Test
    void shouldCreateRevokeAndRevokeAllApiKeys() {
        try (ZgComputeBroker user = net.readyUser()) {
            InferenceBroker inference = user.inference();
            user.ledger().transferFund(net.provider, Units.og(2));

            ApiKey first = inference.createApiKey(net.provider);
            assertThat(first.tokenId()).isZero();
            assertThat(first.expiresAt()).isEmpty();
            assertThat(first.key()).startsWith("app-sk-");
            assertThat(first.toString()).doesNotContain(first.key());
            assertThat(send(first.authorizationHeader()).statusCode()).isEqualTo(200);

            ApiKey hourly = inference.createApiKey(net.provider, 5, Duration.ofHours(1));
            assertThat(hourly.tokenId()).isEqualTo(5);
            assertThat(hourly.expiresAt()).isPresent();
            assertThat(SignedSessionToken.fromApiKey(hourly.key()).token().expiresAt()).isEqualTo(hourly.expiresAtMs());
            assertThat(send(hourly.authorizationHeader()).statusCode()).isEqualTo(200);

            inference.revokeApiKey(net.provider, 0);
            InferenceNetwork.pollUntil("the broker refuses revoked key 0", Duration.ofSeconds(30),
                    () -> send(first.authorizationHeader()).body().contains("session token has been revoked"));
            assertThat(inference.createApiKey(net.provider).tokenId()).isEqualTo(1);
            assertThatThrownBy(() -> inference.createApiKey(net.provider, 0))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("revoked");
            assertThatThrownBy(() -> inference.createApiKey(net.provider, 255))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("0..254");
            assertThatThrownBy(() -> inference.createApiKey(net.provider, Duration.ZERO))
                    .isInstanceOf(InvalidInputException.class);

            inference.revokeAllApiKeys(net.provider);
            InferenceNetwork.pollUntil("the broker refuses key 5 of the old generation", Duration.ofSeconds(30),
                    () -> send(hourly.authorizationHeader()).body().contains("revoked"));
            ApiKey reissued = inference.createApiKey(net.provider, 0);
            assertThat(SignedSessionToken.fromApiKey(reissued.key()).token().generation()).isEqualTo(1);
            InferenceNetwork.pollUntil("the broker accepts key 0 of the new generation", Duration.ofSeconds(30),
                    () -> send(reissued.authorizationHeader()).statusCode() == 200);
        }
    }

    private static String header(InferenceBroker inference) {
        return inference.requestHeaders(net.provider).get("Authorization");
    }

    private static HttpResponse<String> send(String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(net.server.url() + "/v1/proxy/chat/completions"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(InferenceBrokerFlowTest.CHAT)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
