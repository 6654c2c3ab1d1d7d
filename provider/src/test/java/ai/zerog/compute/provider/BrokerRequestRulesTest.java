package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.SessionToken;
import ai.zerog.compute.core.SessionTokens;
import ai.zerog.compute.core.Units;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad tokens and bad requests on one running broker: each gets its documented status and a
 * message a person can act on, and none is charged.
 */
class BrokerRequestRulesTest {
    @TempDir
    static Path dir;
    private static BrokerFixture broker;
    private static BrokerClient client;
    private static Secp256k1Key user;

    @BeforeAll
    static void startBroker() {
        broker = new BrokerFixture(dir, BrokerFixture.defaultConfig().withMaxBodyBytes(64 * 1024)
                .withLimits(new RateLimits(10_000, 10_000, 50, 100)));
        client = new BrokerClient(broker.server.url(), broker.provider.checksummed());
        user = broker.user(Units.og(10), Units.og(3));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldAnswerAValidRequestAndChargeIt() {
        HttpResponse<String> response = client.chat(client.bearer(user), BrokerClient.chatBody("hi"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("ZG-Res-Key")).isPresent();
        assertThat(broker.store.unsettledFee(user.address())).isPositive();
    }

    @Test
    void shouldRefuseAMissingAuthorizationWith400() {
        assertRefused(client.chat("", BrokerClient.chatBody("hi")), 400, "missing or invalid Authorization header");
    }

    @Test
    void shouldRefuseAForgedTokenWith400() {
        Secp256k1Key forger = Secp256k1Key.random();
        SessionToken claimsUser = SessionTokens.ephemeral(user.address(), broker.provider.checksummed(), 0,
                Clock.systemUTC(), Duration.ofHours(1));

        assertRefused(client.chat(BrokerClient.bearer(forger, claimsUser), BrokerClient.chatBody("hi")), 400,
                "signature verification failed: address mismatch");
    }

    @Test
    void shouldRefuseAnExpiredTokenWith400() {
        long now = Instant.now().toEpochMilli();
        SessionToken expired = new SessionToken(user.address().checksummed(), broker.provider.checksummed(),
                now - 7_200_000, now - 3_600_000, SessionTokens.nonce(Clock.systemUTC(), new java.util.Random(1)), 0, 255);

        assertRefused(client.chat(BrokerClient.bearer(user, expired), BrokerClient.chatBody("hi")), 400,
                "session token expired");
    }

    @Test
    void shouldRefuseATokenForAnotherProviderWith400() {
        SessionToken elsewhere = SessionTokens.ephemeral(user.address(), Secp256k1Key.random().address().checksummed(), 0,
                Clock.systemUTC(), Duration.ofHours(1));

        assertRefused(client.chat(BrokerClient.bearer(user, elsewhere), BrokerClient.chatBody("hi")), 400,
                "session token is for different provider");
    }

    @Test
    void shouldRefuseARevokedApiKeyAndAReplayedTokenAfterRevokeAll() {
        Secp256k1Key revoker = broker.user(Units.og(10), Units.og(3));
        String apiKey = BrokerClient.bearer(revoker, SessionTokens.apiKey(revoker.address(),
                broker.provider.checksummed(), 0, 7, 0, Clock.systemUTC()));
        String ephemeral = client.bearer(revoker);
        assertThat(client.chat(apiKey, BrokerClient.chatBody("before")).statusCode()).isEqualTo(200);
        assertThat(client.chat(ephemeral, BrokerClient.chatBody("before")).statusCode()).isEqualTo(200);

        broker.inference(revoker).revokeToken(broker.provider, 7);
        assertRefused(eventually(() -> client.chat(apiKey, BrokerClient.chatBody("after")), 400), 400,
                "session token has been revoked");

        broker.inference(revoker).revokeAllTokens(broker.provider);
        assertRefused(eventually(() -> client.chat(ephemeral, BrokerClient.chatBody("replayed")), 400), 400,
                "session token has been revoked (generation expired)");
    }

    @Test
    void shouldRefuseAUserWithoutASubAccount() {
        Secp256k1Key stranger = broker.funded(Units.og(1));

        assertRefused(client.chat(client.bearer(stranger), BrokerClient.chatBody("hi")), 400,
                "get account from contract, account not exist");
    }

    @Test
    void shouldRefuseAnUnderfundedSubAccountAndSayHowMuchToAdd() {
        Secp256k1Key poor = broker.user(Units.og(10), Units.og(1));
        broker.store.record(new FeeRecord("debt-" + poor.address().hex(), poor.address(), java.math.BigInteger.ZERO,
                Units.og(1).divide(java.math.BigInteger.TEN), Instant.now()));

        HttpResponse<String> response = client.chat(client.bearer(poor), BrokerClient.chatBody("hi"));

        assertRefused(response, 400, "insufficient balance");
        assertThat(response.body()).contains("transfer-fund --provider " + broker.provider.hex()).contains("0.1 0G");
    }

    @Test
    void shouldRefuseMalformedJsonAndTheWrongContentTypeWith400() {
        String bearer = client.bearer(user);
        assertRefused(client.chat(bearer, "{not json"), 400, "invalid request body");
        assertRefused(client.post("/v1/proxy/chat/completions", bearer, "text/plain", BrokerClient.chatBody("x")), 400,
                "application/json");
    }

    @Test
    void shouldRefuseAnUnknownModelWith400() {
        assertRefused(client.chat(client.bearer(user), BrokerClient.chatBody("x").replace(BrokerFixture.MODEL, "gpt-9")),
                400, "model not supported: requested 'gpt-9', only 'dev-model' is available");
    }

    @Test
    void shouldRefuseAnOversizeBodyWith413() {
        String huge = BrokerClient.chatBody("x".repeat(70 * 1024));
        assertRefused(client.chat(client.bearer(user), huge), 413, "request body too large");
    }

    @Test
    void shouldAnswerUnknownProxyPathsWith400AndNormaliseTheRest() {
        assertRefused(client.post("/v1/proxy/embeddings", client.bearer(user), "application/json", "{}"), 400,
                "endpoint not supported");
        HttpResponse<String> collapsed = client.post("/v1/proxy/v1/chat/completions/", client.bearer(user),
                "application/json", BrokerClient.chatBody("hi"));
        assertThat(collapsed.statusCode()).as(collapsed.body()).isEqualTo(200);
    }

    @Test
    void shouldServeTheUnsettledFeeOnlyToItsOwner() {
        Secp256k1Key other = broker.user(Units.og(10), Units.og(2));

        HttpResponse<String> mine = client.get("/v1/user/" + other.address().checksummed() + "/unsettledfee",
                client.bearer(other));
        HttpResponse<String> theirs = client.get("/v1/user/" + user.address().checksummed() + "/unsettledfee",
                client.bearer(other));

        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("\"unsettledFee\":\"0\"");
        assertRefused(theirs, 403, "you can only query your own unsettled fee");
    }

    @Test
    void shouldAnswerAnUnknownSignatureWith404() {
        assertRefused(client.get("/v1/proxy/signature/00000000-0000-0000-0000-000000000000", ""), 404,
                "chat id not found or expired");
    }

    @Test
    void shouldAnswerCorsPreflightsWithoutAuthentication() {
        HttpResponse<String> preflight = client.send(java.net.http.HttpRequest.newBuilder(
                        broker.server.url().resolve("/v1/proxy/chat/completions"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example").build());

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example");
        assertThat(preflight.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("ZG-Res-Key");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).startsWith("{\"error\":").contains(messagePart);
    }

    /** Repeats a request until it answers {@code status}: the broker sees chain events within seconds. */
    private static HttpResponse<String> eventually(java.util.function.Supplier<HttpResponse<String>> request, int status) {
        Instant deadline = Instant.now().plusSeconds(20);
        HttpResponse<String> last = request.get();
        while (last.statusCode() != status && Instant.now().isBefore(deadline)) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            last = request.get();
        }
        return last;
    }
}
