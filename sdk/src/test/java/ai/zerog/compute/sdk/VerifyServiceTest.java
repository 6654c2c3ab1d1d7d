package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.provider.AdditionalInfo;
import ai.zerog.compute.provider.QuoteDocument;
import ai.zerog.compute.provider.ServiceConfig;
import ai.zerog.compute.provider.ServiceRegistration;
import ai.zerog.compute.provider.SoftwareTeeSigner;
import ai.zerog.compute.sdk.ServiceVerification.Check;
import ai.zerog.compute.sdk.ServiceVerification.CheckType;
import ai.zerog.compute.sdk.VerificationStep.Status;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verifyService} against our real broker (simulated attestation) and against tiny real
 * HTTP servers that serve a provider's genuine document with one thing changed.
 */
class VerifyServiceTest {
    @TempDir
    static Path dir;
    static InferenceNetwork net;
    static ZgComputeBroker user;

    @BeforeAll
    static void start() {
        net = new InferenceNetwork(dir);
        user = net.newUser();
    }

    @AfterAll
    static void stop() {
        user.close();
        net.close();
    }

    @Test
    void shouldPassEveryCheckOfOurBrokerAndSayTheAttestationIsSimulated() throws Exception {
        List<VerificationStep> steps = new CopyOnWriteArrayList<>();
        Path out = dir.resolve("genuine/reports");

        ServiceVerification result = user.inference().verifyService(net.provider, out, steps::add);

        assertThat(result.passed()).as(result.summary()).isTrue();
        assertThat(result.simulated()).isTrue();
        assertThat(result.summary()).contains("SIMULATED attestation");
        assertThat(result.checks()).extracting(Check::type).containsExactly(CheckType.SERVICE_INFO,
                CheckType.SIGNER_ACKNOWLEDGED, CheckType.REPORT_FETCHED, CheckType.SIGNER_BOUND, CheckType.COMPOSE_HASH);
        assertThat(result.onChainSigner()).isEqualTo(user.inference().getService(net.provider).teeSignerAddress());
        assertThat(result.teeVerifier()).isEqualTo("dstack");
        assertThat(result.targetSeparated()).isFalse();
        assertThat(result.dockerImages()).containsExactly(SoftwareTeeSigner.DEFAULT_IMAGE_NAME);
        Path saved = out.resolve("attestation_report.json");
        assertThat(result.reports()).containsExactly(Map.entry("combined", saved));
        assertThat(Files.readString(saved)).isEqualTo(get(URI.create(net.server.url() + "/v1/quote")));

        assertThat(steps.getFirst().name()).isEqualTo("read service");
        assertThat(steps).extracting(VerificationStep::status).doesNotContain(Status.FAILED);
        assertThat(steps).filteredOn(s -> s.status() == Status.WARNING).singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("simulated attestation"));
        assertThat(steps.getLast()).isEqualTo(new VerificationStep("result", Status.PASSED, "all 5 checks passed"));
    }

    @Test
    void shouldFailTheSignerCheckWhenTheReportBindsAnotherKey() throws Exception {
        try (FakeProvider fake = FakeProvider.start()) {
            FakeProvider.Registered p = fake.register("bound-elsewhere", true, AdditionalInfo.dstack("img/a:1", ""));
            Address other = Secp256k1Key.random().address();
            ObjectNode doc = p.genuineDocument();
            doc.put("report_data", Base64.getEncoder().encodeToString(QuoteDocument.reportData(other)));
            fake.answer("/v1/quote", 200, doc.toString());

            ServiceVerification result = user.inference().verifyService(p.address(), dir.resolve("elsewhere"));

            assertThat(result.passed()).isFalse();
            assertThat(result.failures()).singleElement().satisfies(c -> {
                assertThat(c.type()).isEqualTo(CheckType.SIGNER_BOUND);
                assertThat(c.report()).isEqualTo("combined");
                assertThat(c.detail()).contains(other.checksummed(), p.signer().address().checksummed(),
                        "the quote was made for another key");
            });
            assertThat(result.check(CheckType.COMPOSE_HASH, "combined")).get().extracting(Check::passed).isEqualTo(true);
        }
    }

    @Test
    void shouldFailTheComposeCheckWhenTheManifestIsNotTheMeasuredOne() throws Exception {
        try (FakeProvider fake = FakeProvider.start()) {
            FakeProvider.Registered p = fake.register("swapped-image", true, AdditionalInfo.dstack("img/a:1", ""));
            ObjectNode doc = p.genuineDocument();
            ObjectNode tcbInfo = (ObjectNode) Jsons.MAPPER.readTree(doc.get("tcb_info").asText());
            tcbInfo.put("app_compose", tcbInfo.get("app_compose").asText()
                    .replace(SoftwareTeeSigner.DEFAULT_IMAGE_NAME, "evil/miner:latest"));
            doc.put("tcb_info", tcbInfo.toString());
            fake.answer("/v1/quote", 200, doc.toString());
            List<VerificationStep> steps = new CopyOnWriteArrayList<>();

            ServiceVerification result = user.inference().verifyService(p.address(), dir.resolve("swapped"), steps::add);

            assertThat(result.failures()).singleElement().satisfies(c -> {
                assertThat(c.type()).isEqualTo(CheckType.COMPOSE_HASH);
                assertThat(c.detail()).contains("is not the one that was measured");
            });
            assertThat(result.check(CheckType.SIGNER_BOUND, "combined")).get().extracting(Check::passed).isEqualTo(true);
            assertThat(result.dockerImages()).containsExactly("evil/miner:latest");
            assertThat(steps).filteredOn(s -> s.status() == Status.FAILED).extracting(VerificationStep::name)
                    .containsExactly("compose hash (combined)", "result");
        }
    }

    @Test
    void shouldFailTheFetchCheckOnGarbageOrAnErrorAndSaveWhatCame() throws Exception {
        try (FakeProvider fake = FakeProvider.start()) {
            FakeProvider.Registered p = fake.register("garbage", true, AdditionalInfo.dstack("img/a:1", ""));
            fake.answer("/v1/quote", 200, "<html>not a quote</html>");

            ServiceVerification garbage = user.inference().verifyService(p.address(), dir.resolve("garbage"));

            assertThat(garbage.passed()).isFalse();
            assertThat(garbage.failures()).singleElement().satisfies(c -> {
                assertThat(c.type()).isEqualTo(CheckType.REPORT_FETCHED);
                assertThat(c.detail()).contains("not a JSON attestation document");
            });
            assertThat(Files.readString(garbage.reports().get("combined"))).isEqualTo("<html>not a quote</html>");

            fake.answer("/v1/quote", 404, "{\"error\":\"no quote here\"}");
            ServiceVerification missing = user.inference().verifyService(p.address(), dir.resolve("missing"));

            assertThat(missing.failures()).singleElement().extracting(Check::detail).asString()
                    .contains("HTTP 404", "no quote here");
            assertThat(missing.reports()).isEmpty();
        }
    }

    @Test
    void shouldFailWhenTheOwnerHasNotAcknowledgedTheSigner() throws Exception {
        try (FakeProvider fake = FakeProvider.start()) {
            FakeProvider.Registered p = fake.register("unacknowledged", false, AdditionalInfo.dstack("img/a:1", ""));
            fake.answer("/v1/quote", 200, p.genuineDocument().toString());

            ServiceVerification result = user.inference().verifyService(p.address(), dir.resolve("unacknowledged"));

            assertThat(result.failures()).singleElement().satisfies(c -> {
                assertThat(c.type()).isEqualTo(CheckType.SIGNER_ACKNOWLEDGED);
                assertThat(c.detail()).contains("has not acknowledged");
            });
        }
    }

    @Test
    void shouldFetchAndCheckBothReportsWhenTheModelRunsInItsOwnTee() throws Exception {
        try (FakeProvider fake = FakeProvider.start()) {
            SoftwareTeeSigner modelTee = SoftwareTeeSigner.openOrCreate(dir.resolve("model-tee.json"), "model/server:2");
            FakeProvider.Registered p = fake.register("separated", true,
                    new AdditionalInfo("", "dstack", true, modelTee.address().checksummed(), "img/a:1", ""));
            fake.answer("/v1/quote", 200, p.genuineDocument().toString());
            fake.answer("/v1/proxy/attestation/report", 200, modelTee.quoteDocument());
            Path out = dir.resolve("separated");

            ServiceVerification result = user.inference().verifyService(p.address(), out);

            assertThat(result.passed()).as(result.summary()).isTrue();
            assertThat(result.targetSeparated()).isTrue();
            assertThat(result.checks()).extracting(c -> c.type() + "/" + c.report()).containsExactly(
                    "SERVICE_INFO/", "SIGNER_ACKNOWLEDGED/", "REPORT_FETCHED/broker", "SIGNER_BOUND/broker",
                    "COMPOSE_HASH/broker", "REPORT_FETCHED/llm", "COMPOSE_HASH/llm");
            assertThat(result.reports()).containsOnly(Map.entry("broker", out.resolve("broker_attestation_report.json")),
                    Map.entry("llm", out.resolve("llm_attestation_report.json")));
            assertThat(result.dockerImages()).containsExactly(SoftwareTeeSigner.DEFAULT_IMAGE_NAME, "model/server:2");
        }
    }

    @Test
    void shouldSayTheProviderIsUnreachableWhenNothingListens() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        Address dead = net.registerExtraProvider(URI.create("http://127.0.0.1:" + closed), "dead-quote");
        List<VerificationStep> steps = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> user.inference().verifyService(dead, dir.resolve("dead"), steps::add))
                .isInstanceOf(ProviderUnreachableException.class);
        assertThat(steps.getLast().name()).isEqualTo("fetch combined report");
        assertThat(steps.getLast().status()).isEqualTo(Status.FAILED);
    }

    @Test
    void shouldRefuseAnUnknownProvider() {
        assertThatThrownBy(() -> user.inference().verifyService(Secp256k1Key.random().address(), dir.resolve("unknown")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no registered service");
    }

    private static String get(URI url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** A tiny real HTTP server that answers each path with a set status and body. */
    private static final class FakeProvider implements AutoCloseable {
        record Answer(int status, String body) {}

        record Registered(Address address, SoftwareTeeSigner signer) {
            ObjectNode genuineDocument() throws IOException {
                return (ObjectNode) Jsons.MAPPER.readTree(signer.quoteDocument());
            }
        }

        private final HttpServer server;
        private final Map<String, Answer> answers = new ConcurrentHashMap<>();

        private FakeProvider(HttpServer server) {
            this.server = server;
        }

        static FakeProvider start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeProvider fake = new FakeProvider(server);
            server.createContext("/", exchange -> {
                Answer answer = fake.answers.getOrDefault(exchange.getRequestURI().getPath(), new Answer(404, "{}"));
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return fake;
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        void answer(String path, int status, String body) {
            answers.put(path, new Answer(status, body));
        }

        /** Registers a provider at this server with a fresh software TEE signer; the owner acknowledges it if asked. */
        Registered register(String name, boolean acknowledge, AdditionalInfo info) {
            Secp256k1Key key = net.funded(Units.og(200));
            SoftwareTeeSigner signer = SoftwareTeeSigner.openOrCreate(dir.resolve(name + "-signer.json"));
            ServiceRegistration.register(TransactionSender.create(net.rpc, key), net.deployment.inference(),
                    ServiceConfig.of("chatbot", url(), InferenceNetwork.MODEL, InferenceNetwork.INPUT_PRICE,
                            InferenceNetwork.OUTPUT_PRICE).withAdditionalInfo(info), signer);
            if (acknowledge) {
                net.ownerContract().acknowledgeTEESignerByOwner(key.address());
            }
            return new Registered(key.address(), signer);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
