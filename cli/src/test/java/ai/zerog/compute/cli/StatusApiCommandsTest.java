package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.ServiceParams;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list-providers}, {@code list-providers-detail} and {@code get-models} with tiered services
 * registered on the test devnet and a status API (and one provider's {@code /v1/models}) served by a
 * real HTTP server on loopback, chosen with {@code ZG_STATUS_API}.
 */
class StatusApiCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESCRIPTION = "A tiered test model whose description is long enough that the"
            + " provider table has to cut it short at seventy-seven characters.";
    private static final Map<String, String> BODIES = new ConcurrentHashMap<>();
    private static final String RULE = "├" + "─".repeat(40) + "┼" + "─".repeat(60) + "┤\n";

    private static HttpServer server;
    private static Address tiered;
    private static Address usd;
    private static Address critical;
    private static Address unmonitored;

    @TempDir
    Path home;

    @BeforeAll
    static void registerServicesAndServeTheStatusApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = BODIES.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{\"error\":\"not found\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        tiered = register("chatbot", base + "/tiered", "tier-model-a", """
                {"MultiModel":true,"priceDenomination":"NATIVE","cacheTokenBilling":{"divisor":10},
                 "tieredPricing":{"tiers":[{"maxInputTokens":32000,"inputMultiplier":1,"outputMultiplier":1},
                   {"maxInputTokens":0,"inputMultiplier":2,"outputMultiplier":3,"outputMultiplierDenominator":2}]}}""");
        usd = register("chatbot", base + "/usd", "usd-model", "{\"priceDenomination\":\"USD\"}");
        critical = register("chatbot", base + "/critical", "critical-model", "{}");
        unmonitored = register("chatbot", base + "/unmonitored", "unmonitored-model", "{}");
        BODIES.put("/health", """
                {"services":[
                 {"provider":"%1$s","model":"tier-model-a","status":"healthy","checks":{"uptime":99.5},
                  "performance":{"response_time":{"avg":120.4,"unit":"ms"}},"lastCheck":"2026-01-01T00:00:00Z"},
                 {"provider":"%1$s","model":"org/other","status":"degraded","checks":{"uptime":60},
                  "performance":{"response_time":{"avg":1.6,"unit":"s"}}},
                 {"provider":"%2$s","model":"usd-model","status":"warning","checks":{"uptime":75}},
                 {"provider":"%3$s","model":"critical-model","status":"critical","checks":{"uptime":50}}]}
                """.formatted(tiered.hex(), usd.hex(), critical.hex()));
        BODIES.put("/models", """
                {"data":[
                 {"provider":"%1$s","id":"tier-model-a","name":"Tier Model A","description":"%4$s",
                  "context_length":128000,"max_completion_tokens":8192,"architecture":{"tokenizer":"Llama3"},
                  "owned_by":"meta","tee_type":"TDX","tee_verifier":"dstack","supported_parameters":["temperature","top_p"]},
                 {"provider":"%2$s","id":"usd-model","pricing_usd":{"prompt":"0.00000025","completion":"0.000001"}},
                 {"provider":"%3$s","id":"critical-model","pricing_usd":{"prompt":"0.0000001","completion":"0.0000002"}}]}
                """.formatted(tiered.hex(), usd.hex(), critical.hex(), DESCRIPTION));
        BODIES.put("/tiered/v1/models", """
                {"object":"list","data":[
                 {"id":"tier-model-a","type":"chatbot","pricing":{"prompt":"100000000000","completion":"400000000000",
                   "tiered_pricing":[{"max_input_tokens":32000,"input_multiplier":1,"output_multiplier":1},
                     {"max_input_tokens":0,"input_multiplier":2,"output_multiplier":3,"output_multiplier_denominator":2}],
                   "cache_token_billing":{"divisor":10}}},
                 {"id":"other-model","canonical_id":"org/other","type":"chatbot","pricing":{"prompt":"1000","completion":"2000"}},
                 {"id":"image-model","type":"text-to-image","pricing":{"prompt":"0","completion":"0","image":"5000000000000000"}}]}
                """);
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    /** A fresh provider wallet registering a service (left unacknowledged: listed with --include-invalid). */
    private static Address register(String type, String url, String model, String additionalInfo) {
        TestChain chain = TestChain.get();
        Secp256k1Key provider = chain.newWallet(200);
        try (EvmRpc rpc = EvmRpc.connect(chain.profile().rpcUrl())) {
            InferenceServingContract.withSender(TransactionSender.create(rpc, provider), chain.profile().inference())
                    .addOrUpdateService(new ServiceParams(type, url, model, "TeeML", new BigInteger("100000000000"),
                            new BigInteger("400000000000"), additionalInfo, Secp256k1Key.random().address()),
                            Units.og(100));
        }
        return provider.address();
    }

    private CliRun run(String statusApi, String... args) {
        TestChain.get().configure(home);
        return CliRun.of(home, Map.of(StatusLookup.VARIABLE, statusApi), "", args);
    }

    private String statusApi() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The exact line(s) a 40/60 table draws for one row. */
    private static String row(String label, String value) {
        String table = Table.withWidths(40, 60).row(label, value).render();
        return table.substring(table.indexOf('\n') + 1, table.lastIndexOf('└'));
    }

    /** A provider's rows: from its {@code Provider i} row to the next provider's. */
    private static String block(String out, Address provider) {
        int start = out.indexOf(provider.checksummed() + " ");
        assertThat(start).as("%s listed", provider.checksummed()).isPositive();
        int end = out.indexOf("│ Provider ", start);
        return out.substring(out.lastIndexOf('\n', start) + 1, end < 0 ? out.length() : end);
    }

    @Test
    void listProvidersShowsTieredRowsInsteadOfThePlainPrices() {
        CliRun run = run("off", "inference", "list-providers", "--include-invalid");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String rows = block(run.out(), tiered);
        assertThat(rows).contains(row("Models", "multi-model (NATIVE)\nRun: 0g-compute-cli inference get-models"
                        + " --provider " + tiered.checksummed()),
                row("Tiered Pricing (0G/Token)", "Enabled"),
                row("  Input 0-32k tokens", "In: 0.0000001 / Out: 0.0000004 / Cache: 0.00000001") + RULE
                        + row("  Input >32k tokens", "In: 0.0000002 / Out: 0.0000006 / Cache: 0.00000002"),
                row("Verifiability", "TeeML"))
                .doesNotContain("Input Price Per Token (0G)", "Output Price Per Token (0G)", "Health Status");
        assertThat(block(run.out(), critical)).contains(row("Input Price Per Token (0G)", "0.0000001"))
                .doesNotContain("Tiered");
    }

    @Test
    void listProvidersDetailShowsModelInfoHealthAndUptime() throws Exception {
        CliRun run = run(statusApi(), "inference", "list-providers-detail", "--include-invalid");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String tieredRows = block(run.out(), tiered);
        assertThat(tieredRows).contains(row("Model Name", "Tier Model A"),
                row("Description", DESCRIPTION.substring(0, 77) + "..."),
                row("Context Length", "128,000 tokens"), row("Max Completion Tokens", "8,192 tokens"),
                row("Tokenizer", "Llama3"), row("Owned By", "meta"), row("TEE Type", "TDX"),
                row("TEE Verifier", "dstack"), row("Supported Parameters", "temperature, top_p"),
                row("  Input >32k tokens", "In: 0.0000002 / Out: 0.0000006 / Cache: 0.00000002"),
                row("Verifiability", "TeeML") + RULE + row("Health Status", "✓ Healthy") + RULE + row("Uptime", "99.5%"),
                row("URL", statusApi() + "/tiered"));
        assertThat(block(run.out(), usd)).contains(row("Pricing (USD)", "in 0.00000025 / out 0.000001 per token"),
                row("Health Status", "⚠ Warning"), row("Uptime", "75%")).doesNotContain("(0G)");
        assertThat(block(run.out(), critical)).contains(row("Input Price Per Token (0G)", "0.0000001"),
                row("Input Price Per Token (USD)", "0.0000001"), row("Output Price Per Token (USD)", "0.0000002"),
                row("Health Status", "✗ Critical"), row("Uptime", "50%"));
        assertThat(block(run.out(), unmonitored)).contains(row("Health Status", "No metrics available"))
                .doesNotContain("Uptime", "Model Name");
        assertThat(run.out()).endsWith("\n" + ServiceView.FOOTNOTE + "\n");

        JsonNode json = JSON.readTree(run(statusApi(), "inference", "list-providers-detail", "--include-invalid",
                "--json").out());
        JsonNode entry = json.findParents("provider").stream()
                .filter(n -> n.path("provider").asText().equals(tiered.checksummed())).findFirst().orElseThrow();
        assertThat(entry.path("health").path("status").asText()).isEqualTo("healthy");
        assertThat(entry.path("modelInfo").path("name").asText()).isEqualTo("Tier Model A");
    }

    @Test
    void getModelsFillsTheHealthColumnPerModel() throws Exception {
        CliRun run = run(statusApi(), "inference", "get-models", "--provider", tiered.checksummed());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Provider:      " + tiered.checksummed() + "\nMulti-model:   yes (NATIVE)\n"
                + "Default model: tier-model-a\n");
        String table = run.out().substring(run.out().indexOf('┌'));
        assertThat(table).isEqualTo(Table.withWidths(24, 10, 44, 20).header("Model", "Type", "Pricing (0G)", "Health")
                .row("tier-model-a", "chatbot", """
                        in 0.0000001 / out 0.0000004 per token
                        cache-hit in: 0.00000001
                        tiered by input tokens:
                          0-32k: in 0.0000001 / out 0.0000004
                          >32k: in 0.0000002 / out 0.0000006""", "✓ healthy\n99.5% up\n120ms resp")
                .row("other-model", "chatbot", "in 0.000000000000001 / out 0.000000000000002 per token",
                        "? unknown\n60% up\n2s resp")
                .row("image-model", "text-to-image", "0.005 / image", "-").render());

        JsonNode json = JSON.readTree(run(statusApi(), "inference", "get-models", "--provider", tiered.checksummed(),
                "--json").out());
        assertThat(json.path("multiModel").asBoolean()).isTrue();
        assertThat(json.path("models").get(0).path("health").path("uptime").asDouble()).isEqualTo(99.5);
    }

    @Test
    void aStatusApiThatIsDownOrOffMeansNoMetrics() throws IOException {
        String gone;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            gone = "http://127.0.0.1:" + closed.getLocalPort();
        }

        for (String statusApi : new String[] {gone, "off"}) {
            CliRun detail = run(statusApi, "inference", "list-providers-detail", "--include-invalid");
            assertThat(detail.exitCode()).as(detail.err()).isZero();
            assertThat(block(detail.out(), tiered)).contains(row("Health Status", "No metrics available"))
                    .doesNotContain("Model Name", "Uptime");
            CliRun models = run(statusApi, "inference", "get-models", "--provider", tiered.checksummed());
            assertThat(models.exitCode()).as(models.err()).isZero();
            assertThat(models.out()).doesNotContain("healthy", "% up");
        }
        CliRun bad = run("not a url", "inference", "list-providers-detail");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("invalid ZG_STATUS_API 'not a url'");
    }
}
