package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.SessionToken;
import ai.zerog.compute.core.SessionTokens;
import ai.zerog.compute.core.SignedSessionToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider-only log routes (PROTOCOL.md §3.8) of a broker writing its log files into a folder. */
class BrokerLogsTest {
    @TempDir
    static Path dir;

    static BrokerLogFiles files;
    static BrokerFixture broker;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        files = BrokerLogFiles.install(dir.resolve("data"));
        broker = new BrokerFixture(dir, BrokerFixture.defaultConfig(), DevModel.create(), Clock.systemUTC(),
                files.logs());
        Logger.getLogger(ChainEventFollower.class.getName()).info("event line for the test");
        Logger.getLogger(ProviderRoutes.class.getName()).info("broker line for the test");
    }

    @AfterAll
    static void stop() {
        broker.close();
        files.close();
    }

    @Test
    void theProviderListsAndDownloadsItsLogFiles() throws Exception {
        List<String> headers = selfHeaders(broker.providerKey, broker.provider.checksummed(), Duration.ofHours(1));

        HttpResponse<String> list = get("/v1/logs?component=both", headers);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode listed = JSON.readTree(list.body()).path("files");
        List<String> names = new ArrayList<>();
        listed.forEach(f -> names.add(f.path("component").asText() + "/" + f.path("filename").asText()));
        assertThat(names).contains("broker/broker.0.log", "event/event.0.log");
        assertThat(names).noneMatch(n -> n.endsWith(".lck"));
        JsonNode first = listed.get(0);
        assertThat(first.path("isCurrent").asBoolean()).isTrue();
        assertThat(first.path("modifiedTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(JSON.readTree(get("/v1/logs?component=event", headers).body()).path("files").size()).isEqualTo(1);

        HttpResponse<String> event = get("/v1/logs/event/event.0.log", headers);
        assertThat(event.statusCode()).isEqualTo(200);
        assertThat(event.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(event.body()).contains("event line for the test").doesNotContain("broker line for the test");
        assertThat(get("/v1/logs/broker/broker.0.log", headers).body())
                .contains("broker line for the test").doesNotContain("event line for the test");

        Path folder = dir.resolve("data/logs/broker");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("broker.0.log"))))
                .isEqualTo("rw-------");
    }

    @Test
    void othersAreRefused() throws Exception {
        Secp256k1Key user = Secp256k1Key.random();
        assertThat(get("/v1/logs", List.of()).statusCode()).isEqualTo(401);
        // a user's own token for this provider
        assertThat(get("/v1/logs", selfHeaders(user, broker.provider.checksummed(), Duration.ofHours(1))).statusCode())
                .isEqualTo(403);
        // the provider's key, but a token for another provider
        assertThat(get("/v1/logs", selfHeaders(broker.providerKey, user.address().checksummed(), Duration.ofHours(1)))
                .statusCode()).isEqualTo(403);
        // expired
        SessionToken old = new SessionToken(broker.provider.checksummed(), broker.provider.checksummed(),
                1_700_000_000_000L, 1_700_000_060_000L, "n".repeat(32), 0, 255);
        SignedSessionToken expired = SignedSessionToken.sign(old, broker.providerKey);
        HttpResponse<String> late = get("/v1/logs", List.of("Address", broker.provider.checksummed(),
                "Session-Token", expired.rawMessage(), "Session-Signature", expired.signatureHex()));
        assertThat(late.statusCode()).isEqualTo(401);
        assertThat(late.body()).contains("\"error\"", "expired");
        // signed by someone else, claiming to be the provider
        SessionToken claimed = SessionTokens.ephemeral(broker.provider, broker.provider.checksummed(), 0,
                Clock.systemUTC(), Duration.ofHours(1));
        SignedSessionToken forged = SignedSessionToken.sign(claimed, user);
        assertThat(get("/v1/logs", List.of("Address", broker.provider.checksummed(), "Session-Token",
                forged.rawMessage(), "Session-Signature", forged.signatureHex())).statusCode()).isEqualTo(401);
        assertThat(get("/v1/logs", List.of("Address", broker.provider.checksummed(), "Session-Token",
                forged.rawMessage(), "Session-Signature", "0x1234")).statusCode()).isEqualTo(401);
        assertThat(get("/v1/logs/broker/broker.0.log", selfHeaders(user, broker.provider.checksummed(),
                Duration.ofHours(1))).statusCode()).isEqualTo(403);
    }

    @Test
    void onlyListedFilesAreServed() throws Exception {
        List<String> headers = selfHeaders(broker.providerKey, broker.provider.checksummed(), Duration.ofHours(1));
        Files.writeString(dir.resolve("data/logs/secret.txt"), "not a log");
        for (String path : List.of("/v1/logs/broker/..%2Fsecret.txt", "/v1/logs/broker/%2E%2E%2Fsecret.txt",
                "/v1/logs/broker/..%2F..%2Ftee-signer.json", "/v1/logs/broker/%2Fetc%2Fpasswd",
                "/v1/logs/broker//etc/passwd", "/v1/logs/broker/broker.0.log.lck", "/v1/logs/other/broker.0.log",
                "/v1/logs/broker/missing.log", "/v1/logs/event/broker.0.log", "/v1/logs/..%2Fsecret.txt")) {
            HttpResponse<String> answer = get(path, headers);
            assertThat(answer.statusCode()).as(path).isIn(400, 404);
            assertThat(answer.body()).as(path).doesNotContain("not a log");
        }
        assertThat(get("/v1/logs?component=nope", headers).statusCode()).isEqualTo(404);
    }

    @Test
    void aBrokerWithoutLogFoldersListsNothing() throws Exception {
        BrokerLogs none = BrokerLogs.none();
        assertThat(none.list("both")).isEmpty();
        assertThat(none.find("broker", "broker.0.log")).isEmpty();
    }

    private static List<String> selfHeaders(Secp256k1Key key, String provider, Duration validity) {
        SessionToken token = SessionTokens.ephemeral(key.address(), provider, 0, Clock.systemUTC(), validity);
        SignedSessionToken signed = SignedSessionToken.sign(token, key);
        return List.of("Address", key.address().checksummed(), "Session-Token", signed.rawMessage(),
                "Session-Signature", signed.signatureHex());
    }

    private static HttpResponse<String> get(String path, List<String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(broker.server.url() + path)).GET();
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
