package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.Address;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status API client against a real HTTP server on loopback serving the documented shapes. */
class StatusApiTest {
    private static final Address ONE = Address.of("0x1111111111111111111111111111111111111111");
    private static final Address TWO = Address.of("0x2222222222222222222222222222222222222222");

    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = bodies.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{\"error\":\"not found\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Test
    void readsHealthAndModelsOfTheDocumentedShapes() {
        bodies.put("/health", """
                {"services":[
                  {"provider":"0x1111111111111111111111111111111111111111","model":"a","status":"healthy",
                   "checks":{"uptime":99.5},"performance":{"response_time":{"avg":120.4,"unit":"ms"}},
                   "lastCheck":"2026-01-01T00:00:00Z"},
                  {"provider":"0x1111111111111111111111111111111111111111","model":"b","status":"warning",
                   "checks":{"uptime":75}},
                  {"provider":"not an address","model":"x","status":"healthy"}]}
                """);
        bodies.put("/models", """
                {"data":[{"provider":"0x2222222222222222222222222222222222222222","id":"m","name":"M"},
                         {"id":"no-provider"}]}
                """);

        try (StatusApi api = StatusApi.at(base())) {
            StatusSnapshot snapshot = api.snapshot();

            assertThat(snapshot.health()).hasSize(2);
            ServiceHealth a = snapshot.providerHealth(ONE, "a").orElseThrow();
            assertThat(a.status()).isEqualTo("healthy");
            assertThat(a.uptime()).contains(new BigDecimal("99.5"));
            assertThat(a.responseTime().orElseThrow().average()).isEqualByComparingTo("120.4");
            assertThat(a.lastCheck()).contains("2026-01-01T00:00:00Z");
            assertThat(snapshot.providerHealth(ONE, "other").orElseThrow().model())
                    .as("without an entry for the model, the provider's last entry").isEqualTo("b");
            assertThat(snapshot.providerHealth(TWO, "m")).isEmpty();
            assertThat(snapshot.model(TWO, "m").orElseThrow().name()).contains("M");
            assertThat(snapshot.model(ONE, "m")).isEmpty();
            assertThat(api.health().models()).isEmpty();
        }
    }

    @Test
    void matchesModelHealthByIdThenCanonicalIdThenTheSingleEntry() {
        bodies.put("/health", """
                {"services":[{"provider":"0x1111111111111111111111111111111111111111","model":"a","status":"healthy"},
                  {"provider":"0x1111111111111111111111111111111111111111","model":"org/b","status":"warning"},
                  {"provider":"0x2222222222222222222222222222222222222222","model":"drifted","status":"critical"}]}
                """);
        try (StatusApi api = StatusApi.at(base())) {
            StatusSnapshot snapshot = api.health();
            List<ModelInfo> served = List.of(ModelInfo.parse("{\"id\":\"a\"}"),
                    ModelInfo.parse("{\"id\":\"b\",\"canonical_id\":\"org/b\"}"), ModelInfo.parse("{\"id\":\"c\"}"));

            Map<String, ServiceHealth> byModel = snapshot.healthByModel(ONE, served);

            assertThat(byModel).containsOnlyKeys("a", "b");
            assertThat(byModel.get("b").status()).isEqualTo("warning");
            assertThat(snapshot.healthByModel(TWO, List.of(ModelInfo.parse("{\"id\":\"x\"}"))).get("x").status())
                    .isEqualTo("critical");
        }
    }

    @Test
    void everyFailureIsAnEmptyAnswer() {
        bodies.put("/health", "not json");
        bodies.put("/models", "{\"data\":{\"not\":\"an array\"}}");
        try (StatusApi api = StatusApi.at(base())) {
            assertThat(api.snapshot()).isEqualTo(StatusSnapshot.empty());
        }
        URI gone = base();
        server.stop(0);
        try (StatusApi api = StatusApi.at(gone)) {
            assertThat(api.snapshot()).isEqualTo(StatusSnapshot.empty());
        }
    }

    @Test
    void picksTheEndpointByChainAndRefusesNonHttpUrls() {
        assertThat(StatusApi.endpointFor(16661)).isEqualTo(URI.create("https://compute-status.0g.ai"));
        assertThat(StatusApi.endpointFor(16602)).isEqualTo(URI.create("https://compute-status-testnet.0g.ai"));
        assertThat(StatusApi.endpointFor(31337)).isEqualTo(StatusApi.TESTNET);
        assertThat(StatusApi.at(URI.create("http://127.0.0.1:1//")).base()).isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThatThrownBy(() -> StatusApi.at(URI.create("ftp://example.com"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> StatusApi.at(URI.create("status.example"))).isInstanceOf(InvalidInputException.class);
    }
}
