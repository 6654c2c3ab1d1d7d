package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.ResponseSigning;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.sdk.ServiceVerification.Check;
import ai.zerog.compute.sdk.ServiceVerification.CheckType;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the response verifier (§5.3 steps 5–6) and {@code verifyService} (§6.2 steps 1–2) act on what
 * {@link AdditionalInfo} read, against a real loopback server that serves signatures and refuses reports.
 */
class AdditionalInfoCallersTest {
    /** Hardhat accounts #2 (the service's TEE signer) and #3 (a separated model's TEE). */
    private static final Secp256k1Key TEE =
            Secp256k1Key.fromHex("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
    private static final Secp256k1Key MODEL_TEE =
            Secp256k1Key.fromHex("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");
    private static final Address PROVIDER = Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    private static final String TEXT = "0bfcf1c873fe23e87366969117efdc24b95f341eb2f4abe10ae01e7a1f4994c6"
            + ":4bdc167f41842940a056a9195368a5ef454bfecbb3a7ee8c247e07313dd4fbef";

    @TempDir
    Path dir;
    private final Map<String, String> signatures = new ConcurrentHashMap<>();
    private HttpServer server;
    private ProviderClient client;
    private ProviderHttp http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = signatures.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{\"error\":\"not found\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        client = new ProviderClient();
        http = new ProviderHttp(client);
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void shouldFailResponseVerificationWhenAdditionalInfoIsBlankOrNotAJsonObject() {
        signedBy(TEE);
        for (String text : new String[] {"", "   ", "not json", "[1]", "null", "{"}) {
            assertThat(response(text)).as("'%s'", text).isEqualTo(ResponseVerification.failed("provider "
                    + PROVIDER.checksummed() + " has no usable additionalInfo JSON on chain"));
        }
        assertThat(response("{}").verified()).isTrue();
    }

    @Test
    void shouldExpectTheServiceSignerUnlessTheModelRunsInItsOwnDecentralizedTee() {
        String target = MODEL_TEE.address().hex();
        signedBy(TEE);
        assertThat(response("{\"TargetSeparated\":false,\"TargetTeeAddress\":\"" + target + "\"}").signer())
                .contains(TEE.address());
        assertThat(response("{\"TargetSeparated\":\"true\",\"TargetTeeAddress\":\"" + target + "\"}").verified())
                .as("only the JSON boolean separates").isTrue();
        assertThat(response("{\"TargetSeparated\":true,\"ProviderType\":\"centralized\",\"TargetTeeAddress\":\""
                + target + "\"}").verified()).as("a centralized broker signs its routing proofs itself").isTrue();
        assertThat(response("{\"TargetSeparated\":true,\"TargetTeeAddress\":\"\"}").verified()).isTrue();
        assertThat(response("{\"TargetSeparated\":true,\"TargetTeeAddress\":\"" + target + "\"}").failure())
                .contains("chat id chat-1 was signed by " + TEE.address().checksummed()
                        + ", not by the provider's TEE signer " + MODEL_TEE.address().checksummed());

        signedBy(MODEL_TEE);
        assertThat(response("{\"TargetSeparated\":true,\"TargetTeeAddress\":\"" + target + "\"}").signer())
                .contains(MODEL_TEE.address());
        assertThat(response("{\"TargetSeparated\":true,\"ProviderType\":\"standard\",\"TargetTeeAddress\":\""
                + target + "\"}").verified()).as("an unknown provider type counts as decentralized").isTrue();
        assertThat(response("{\"TargetSeparated\":true,\"TargetTeeAddress\":\"0x12\"}").failure())
                .contains("additionalInfo TargetTeeAddress '0x12' is not an address");
    }

    @Test
    void shouldFailTheServiceInfoCheckWhenAdditionalInfoIsBlankOrNotAJsonObject() {
        assertThat(serviceInfo("  ")).isEqualTo(new Check(CheckType.SERVICE_INFO, "", false, "the service's"
                + " additionalInfo on chain is empty, so there is no attestation to check: this provider is not verifiable"));
        assertThat(serviceInfo("[\"dstack\"]")).isEqualTo(new Check(CheckType.SERVICE_INFO, "", false, "the service's"
                + " additionalInfo on chain is not a JSON object, so there is no attestation to check: this provider is"
                + " not verifiable"));
        assertThat(serviceInfo("{\"TEEVerifier\":\"cryptopilot\"}")).isEqualTo(new Check(CheckType.SERVICE_INFO, "",
                false, "TEEVerifier 'cryptopilot' is not supported (only dstack reports can be checked)"));
        assertThat(serviceInfo("{\"TEEVerifier\":5}").detail()).isEqualTo(
                "TEEVerifier '5' is not supported (only dstack reports can be checked)");
    }

    @Test
    void shouldFetchTheReportsTheArchitectureCallsFor() {
        assertThat(serviceInfo("{}").detail())
                .isEqualTo("TEE verifier dstack, broker and model in one TEE, reports: [combined]");
        assertThat(serviceInfo("{\"TEEVerifier\":null,\"TargetSeparated\":true,\"VerifierURL\":\"https://v\"}").detail())
                .isEqualTo("TEE verifier dstack, model in a separate TEE, reports: [broker, llm], verifier image https://v");
        assertThat(serviceInfo("{\"TargetSeparated\":\"true\",\"ProviderType\":\"centralized\"}").detail())
                .isEqualTo("TEE verifier dstack, model in a separate centralized service, reports: [broker]");
        assertThat(serviceInfo("{\"TargetSeparated\":true,\"ProviderType\":\"standard\"}").detail())
                .isEqualTo("TEE verifier dstack, model in a separate TEE, reports: [broker, llm]");
    }

    private void signedBy(Secp256k1Key key) {
        signatures.put("/v1/proxy/signature/chat-1", "{\"text\":\"" + TEXT + "\",\"signature\":\""
                + ResponseSigning.sign(key, TEXT).hex() + "\"}");
    }

    private ResponseVerification response(String additionalInfo) {
        return new ResponseVerifier(http).verify(service(additionalInfo), "chat-1");
    }

    /** The first check {@code verifyService} records, about the service info; the reports it then asks for are refused. */
    private Check serviceInfo(String additionalInfo) {
        ServiceVerification result = new ServiceVerifier(http).verify(service(additionalInfo), dir,
                VerificationListener.NONE);
        return result.checks().getFirst();
    }

    private Service service(String additionalInfo) {
        return new Service(PROVIDER, "chatbot", "http://127.0.0.1:" + server.getAddress().getPort(),
                BigInteger.ONE, BigInteger.TWO, BigInteger.ZERO, "m", "TeeML", additionalInfo, TEE.address(), true);
    }
}
