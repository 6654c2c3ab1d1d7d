package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} and {@code /health} on a running broker: answered, streamed and refused
 * requests show up with their labels, the fee counter matches what the store recorded, and health
 * follows whether the chain answers.
 */
class BrokerObservabilityTest {
    private static final String CHAT = "chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static BrokerFixture broker;
    private static BrokerClient client;

    @BeforeAll
    static void startBroker() {
        broker = new BrokerFixture(dir, BrokerFixture.defaultConfig());
        client = new BrokerClient(broker.server.url(), broker.provider.checksummed());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldCountAnAnsweredChatItsUpstreamCallAndTheFeeTheStoreRecorded() {
        Secp256k1Key user = broker.user(Units.og(10), Units.og(3));
        PrometheusText before = scrape();

        HttpResponse<String> answer = client.chat(client.bearer(user), BrokerClient.chatBody("count me"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        BigInteger fee = broker.store.unsettledFee(user.address());
        assertThat(fee).isPositive();
        PrometheusText after = scrapeUntil(t -> delta(before, t, "zg_broker_requests_total",
                "endpoint", CHAT, "status", "200", "streamed", "false").signum() > 0);
        assertThat(delta(before, after, "zg_broker_requests_total", "endpoint", CHAT, "status", "200", "streamed", "false"))
                .isEqualByComparingTo("1");
        assertThat(delta(before, after, "zg_broker_fees_neuron_total", "endpoint", CHAT))
                .isEqualByComparingTo(new BigDecimal(fee));
        assertThat(delta(before, after, "zg_broker_upstream_duration_seconds_count", "endpoint", CHAT, "outcome", "ok"))
                .isEqualByComparingTo("1");
        assertThat(delta(before, after, "zg_broker_request_duration_seconds_count", "endpoint", CHAT))
                .isEqualByComparingTo("1");
    }

    @Test
    void shouldLabelAStreamedChatAsStreamed() {
        Secp256k1Key user = broker.user(Units.og(10), Units.og(3));
        PrometheusText before = scrape();
        String body = "{\"model\":\"" + BrokerFixture.MODEL
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"stream me\"}],\"stream\":true}";

        HttpResponse<String> answer = client.chat(client.bearer(user), body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).endsWith("data: [DONE]\n\n");
        BigInteger fee = broker.store.unsettledFee(user.address());
        PrometheusText after = scrapeUntil(t -> delta(before, t, "zg_broker_requests_total",
                "endpoint", CHAT, "streamed", "true").signum() > 0);
        assertThat(delta(before, after, "zg_broker_requests_total", "endpoint", CHAT, "status", "200", "streamed", "true"))
                .isEqualByComparingTo("1");
        assertThat(delta(before, after, "zg_broker_fees_neuron_total", "endpoint", CHAT))
                .isEqualByComparingTo(new BigDecimal(fee));
    }

    @Test
    void shouldCountRefusedRequestsByReasonAndStatusWithoutCharging() {
        Secp256k1Key poor = broker.user(Units.og(10), Units.og(1));
        broker.store.record(new FeeRecord("debt-" + poor.address().hex(), poor.address(), BigInteger.ZERO,
                Units.og(1).divide(BigInteger.TEN), Instant.now()));
        PrometheusText before = scrape();

        HttpResponse<String> unauthenticated = client.chat("", BrokerClient.chatBody("hi"));
        HttpResponse<String> underfunded = client.chat(client.bearer(poor), BrokerClient.chatBody("hi"));

        assertThat(unauthenticated.statusCode()).isEqualTo(400);
        assertThat(underfunded.statusCode()).as(underfunded.body()).isEqualTo(400);
        assertThat(underfunded.body()).contains("insufficient balance");
        PrometheusText after = scrape();
        assertThat(delta(before, after, "zg_broker_rejections_total", "reason", "MISSING_AUTHORIZATION"))
                .isEqualByComparingTo("1");
        assertThat(delta(before, after, "zg_broker_rejections_total", "reason", "INSUFFICIENT_BALANCE"))
                .isEqualByComparingTo("1");
        assertThat(delta(before, after, "zg_broker_requests_total", "endpoint", CHAT, "status", "400", "streamed", "false"))
                .isEqualByComparingTo("2");
        assertThat(delta(before, after, "zg_broker_fees_neuron_total")).isEqualByComparingTo("0");
    }

    @Test
    void shouldReportWhatASettlementRoundSettled() {
        Secp256k1Key user = broker.user(Units.og(10), Units.og(3));
        assertThat(client.chat(client.bearer(user), BrokerClient.chatBody("settle me")).statusCode()).isEqualTo(200);
        PrometheusText before = scrape();

        SettlementReport report = broker.settlement.runOnce();

        PrometheusText after = scrape();
        assertThat(report.settled()).isPositive();
        assertThat(delta(before, after, "zg_broker_settlement_rounds_total", "result", "ran")).isEqualByComparingTo("1");
        assertThat(delta(before, after, "zg_broker_settlement_settled_items_total"))
                .isEqualByComparingTo(BigDecimal.valueOf(report.settled()));
        assertThat(delta(before, after, "zg_broker_settlement_settled_neuron_total"))
                .isEqualByComparingTo(new BigDecimal(report.settledAmount()));
        assertThat(delta(before, after, "zg_broker_settlement_transactions_total"))
                .isEqualByComparingTo(BigDecimal.valueOf(report.transactions()));
    }

    @Test
    void shouldServeMetricsAsPrometheusTextWithoutAuthorization() {
        HttpResponse<String> metrics = client.get("/metrics", "");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains("# TYPE zg_broker_requests_in_flight gauge",
                "# TYPE zg_broker_settlement_rounds_total counter");
        assertThat(new PrometheusText(metrics.body()).has("zg_broker_requests_in_flight")).isTrue();
    }

    @Test
    void shouldReportHealthyWhileTheChainAnswers() throws IOException {
        HttpResponse<String> health = client.get("/health", "");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("chain").asText()).isEqualTo("ok");
        assertThat(body.path("block").asLong()).isPositive();
        assertThat(body.path("provider").asText()).isEqualTo(broker.provider.hex());
    }

    @Test
    void shouldReportDegradedHealthWhenTheChainIsUnreachable() throws IOException {
        try (EvmRpc dead = EvmRpc.connect(URI.create("http://127.0.0.1:" + closedPort()))) {
            ProviderConfig config = BrokerFixture.defaultConfig();
            ProviderParts parts = new ProviderParts(dead, broker.deployment.inference(), broker.provider, broker.signer,
                    broker.store, DevModel.create(), user -> { }, Clock.systemUTC());
            AccountStates states = new AccountStates(InferenceServingContract.readOnly(dead, broker.deployment.inference()),
                    broker.provider, Clock.systemUTC(), config.accountCacheTtl());
            WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                    .routing(routing -> ProviderServer.routing(routing, config, parts, states)).build().start();
            try {
                BrokerClient cut = new BrokerClient(URI.create("http://127.0.0.1:" + server.port()),
                        broker.provider.checksummed());

                HttpResponse<String> health = cut.get("/health", "");
                HttpResponse<String> metrics = cut.get("/metrics", "");

                assertThat(health.statusCode()).isEqualTo(503);
                JsonNode body = JSON.readTree(health.body());
                assertThat(body.path("status").asText()).isEqualTo("degraded");
                assertThat(body.path("chain").asText()).isEqualTo("unreachable");
                assertThat(metrics.statusCode()).as("metrics default to none").isEqualTo(200);
                assertThat(metrics.body()).isEmpty();
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void shouldGiveUpOnAChainThatDoesNotAnswerWithinTheTimeout() throws IOException {
        try (StallingServer stalling = StallingServer.start("");
             EvmRpc rpc = EvmRpc.connect(stalling.baseUrl())) {
            ChainProbe probe = new ChainProbe(rpc, Duration.ofMillis(200));

            assertThat(probe.latestBlock()).isEmpty();
            assertThat(new ChainProbe(broker.rpc, ChainProbe.DEFAULT_TIMEOUT).latestBlock()).isPresent();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static BigDecimal delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.sum(name, labels).subtract(before.sum(name, labels));
    }

    private static PrometheusText scrape() {
        HttpResponse<String> response = client.get("/metrics", "");
        assertThat(response.statusCode()).isEqualTo(200);
        return new PrometheusText(response.body());
    }

    /** Metrics of a request are recorded just after its answer leaves, so poll for them. */
    private static PrometheusText scrapeUntil(Predicate<PrometheusText> condition) {
        Instant deadline = Instant.now().plusSeconds(10);
        PrometheusText text = scrape();
        while (!condition.test(text) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            text = scrape();
        }
        return text;
    }
}
