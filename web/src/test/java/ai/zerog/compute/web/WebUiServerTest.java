package ai.zerog.compute.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.NetworkProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server without a chain: pages, assets, the guard in front of the API, and start-up failures. */
class WebUiServerTest {
    @TempDir
    static Path dataDir;
    static WebUiServer server;
    static ApiClient client;

    @BeforeAll
    static void start() {
        server = WebUiServer.start(new WebUiConfig("127.0.0.1", 0, NetworkProfile.DEVNET),
                LocalIdentity.none("no identity in this test: run `0g-compute-cli login` first"), dataDir);
        client = new ApiClient(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) {
        return client.raw(HttpRequest.newBuilder(client.uri(path)).GET().build());
    }

    @Test
    void shouldServeEveryPageWithTheSecurityHeaders() {
        for (String path : List.of("/", "/inference", "/inference/chat", "/inference/image-gen", "/inference/image-edit",
                "/inference/speech-to-text", "/wallet")) {
            HttpResponse<String> page = get(path);

            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).as(path).hasValue("text/html; charset=utf-8");
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'").contains("connect-src 'self'"));
            assertThat(page.body()).contains("<main id=\"main\"");
        }
        assertThat(get("/inference/chat").body()).contains("/js/chat.js");
        assertThat(get("/wallet/").body()).contains("/js/account.js");
    }

    @Test
    void shouldFallBackToTheHomePageForUnknownPagesButNotForMissingAssets() {
        assertThat(get("/nope").body()).contains("/js/home.js");
        assertThat(get("/wallet.html").body()).contains("/js/home.js");
        assertThat(get("/js/nope.js").statusCode()).isEqualTo(404);
        assertThat(get("/js/%2e%2e/css/app.css").statusCode()).isEqualTo(404);
        HttpResponse<String> script = get("/js/api.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    }

    @Test
    void shouldLoadNothingFromOutsideTheServer() throws IOException {
        Pattern external = Pattern.compile("(src|href)\\s*=\\s*[\"']\\s*(https?:)?//|import[^;]*from\\s*[\"']https?:"
                + "|url\\(\\s*[\"']?https?:|@import");
        URL root = getClass().getClassLoader().getResource(StaticFiles.ROOT);
        assertThat(root).isNotNull();
        try (Stream<Path> files = Files.walk(Path.of(URI.create(root.toString())))) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).hasSizeGreaterThan(10);
            for (Path file : all) {
                assertThat(external.matcher(Files.readString(file, StandardCharsets.UTF_8)).find())
                        .as("external reference in " + file).isFalse();
            }
        }
    }

    @Test
    void shouldUseNothingTheContentSecurityPolicyForbids() throws IOException {
        Pattern inline = Pattern.compile("style\\s*=\\s*[\"']|\\bstyle:\\s*'|<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+=\\\"|eval\\(");
        URL root = getClass().getClassLoader().getResource(StaticFiles.ROOT);
        try (Stream<Path> files = Files.walk(Path.of(URI.create(root.toString())))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js")).toList()) {
                assertThat(inline.matcher(Files.readString(file, StandardCharsets.UTF_8)).find())
                        .as("inline style, script or handler in " + file).isFalse();
            }
        }
    }

    @Test
    void shouldAskThePageToConnectWhenNoWalletIsChosen() {
        ApiClient.Answer answer = client.get("/api/account");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("error").asText()).contains("Connect");
        assertThat(answer.json().path("fix").path("action").asText()).isEqualTo("connect");
    }

    @Test
    void shouldExplainHowToSetUpALocalIdentityWhenThereIsNone() {
        ApiClient.Answer answer = client.post("/api/wallet/local/connect", Map.of());

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("error").asText()).contains("0g-compute-cli login");
        assertThat(client.get("/api/session").json().path("local").path("connected").asBoolean()).isFalse();
    }

    @Test
    void shouldRefuseRequestsFromOtherSites() {
        HttpResponse<String> otherOrigin = client.raw(HttpRequest.newBuilder(client.uri("/api/session"))
                .header("Origin", "https://evil.example").GET().build());
        HttpResponse<String> crossSite = client.raw(HttpRequest.newBuilder(client.uri("/api/session"))
                .header("Sec-Fetch-Site", "cross-site").GET().build());
        HttpResponse<String> plainText = client.raw(HttpRequest.newBuilder(client.uri("/api/account/deposit"))
                .header("Content-Type", "text/plain").header("X-ZG-Wallet", "local")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"1\"}")).build());
        HttpResponse<String> sameOrigin = client.raw(HttpRequest.newBuilder(client.uri("/api/session"))
                .header("Origin", "http://127.0.0.1:" + server.port()).GET().build());

        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(plainText.statusCode()).isEqualTo(415);
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerUnknownApiPathsWithJson404() {
        ApiClient.Answer answer = client.get("/api/nothing-here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("error").asText()).contains("/api/nothing-here");
    }

    @Test
    void shouldSayWhichPortIsTakenAndSuggestAnother() {
        WebUiConfig taken = new WebUiConfig("127.0.0.1", server.port(), NetworkProfile.DEVNET);

        assertThatThrownBy(() -> WebUiServer.start(taken, LocalIdentity.none("none"), dataDir))
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining("port " + server.port())
                .hasMessageContaining("already in use")
                .hasMessageContaining("--port");
    }

    @Test
    void shouldListenOnLoopbackOnly() {
        assertThatThrownBy(() -> new WebUiConfig("0.0.0.0", 3090, NetworkProfile.DEVNET))
                .isInstanceOf(WebUiException.class)
                .hasMessageContaining("loopback");
        assertThat(new WebUiConfig("localhost", 3090, NetworkProfile.DEVNET).port()).isEqualTo(3090);
    }

    @Test
    void shouldReadValiditiesPeopleType() {
        assertThat(ApiKeyRoutes.validity("never")).isEmpty();
        assertThat(ApiKeyRoutes.validity("24h")).hasValue(java.time.Duration.ofHours(24));
        assertThat(ApiKeyRoutes.validity("7d")).hasValue(java.time.Duration.ofDays(7));
        assertThatThrownBy(() -> ApiKeyRoutes.validity("0h")).hasMessageContaining("validity");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = WebUiServerTest.class.getClassLoader().getResourceAsStream(StaticFiles.ROOT + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
