package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.cli.devnet.DevnetSummary;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inference group against the test devnet's dev providers, each test with a fresh wallet. */
class InferenceCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private TestChain chain;
    private Map<String, String> env;
    private Address chatbot;

    @BeforeEach
    void freshWallet() {
        chain = TestChain.get();
        chain.configure(home);
        env = TestChain.signingAs(chain.newWallet(100));
        chatbot = chain.chatbot();
    }

    private CliRun run(String... args) {
        return CliRun.of(home, env, "", args);
    }

    private void fundChatbot() {
        assertThat(run("deposit", "--amount", "10").exitCode()).isZero();
        assertThat(run("transfer-fund", "--provider", chatbot.checksummed(), "--amount", "2").exitCode()).isZero();
    }

    @Test
    void listProvidersShowsEveryDevProviderWithoutAKey() throws Exception {
        CliRun run = CliRun.of(home, "inference", "list-providers");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String type : new String[] {"chatbot", "text-to-image", "speech-to-text"}) {
            DevnetSummary.Provider provider = chain.provider(type);
            assertThat(run.out()).contains(provider.address().checksummed()).contains(provider.model());
        }
        assertThat(run.out()).contains("│ Provider 1", "Input Price Per Token (0G)", "Output Price Per Token (0G)",
                "Price Per Image (OG)", "Price Per Second (0G)", "│ Verifiability", "TeeML");

        JsonNode json = JSON.readTree(CliRun.of(home, "inf", "list-providers", "--json").out());
        assertThat(json.isArray()).isTrue();
        assertThat(json.findValuesAsText("provider")).contains(chatbot.checksummed());
        assertThat(CliRun.of(home, "inference", "list-providers", "--include-invalid").exitCode()).isZero();
    }

    @Test
    void listProvidersDetailAddsUrlAndSigner() {
        CliRun run = CliRun.of(home, "inference", "list-providers-detail");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("│ URL", chain.provider("chatbot").url().toString(), "│ TEE Signer",
                chain.provider("chatbot").teeSigner().checksummed(), "No metrics available");
    }

    @Test
    void getModelsListsTheProviderCatalogue() throws Exception {
        CliRun run = CliRun.of(home, "inference", "get-models", "--provider", chatbot.checksummed());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Provider:      " + chatbot.checksummed(),
                "Default model: " + chain.provider("chatbot").model(), "│ Model");
        JsonNode json = JSON.readTree(CliRun.of(home, "inference", "get-models", "--provider", chatbot.checksummed(),
                "--json").out());
        assertThat(json.path("models").findValuesAsText("id")).contains(chain.provider("chatbot").model());
    }

    @Test
    void acknowledgeProviderCreatesTheSubAccount() {
        run("deposit", "--amount", "10");

        CliRun run = run("inference", "acknowledge-provider", "--provider", chatbot.checksummed());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Provider signer acknowledged successfully!");
        assertThat(run("get-sub-account", "--provider", chatbot.checksummed()).out()).contains("1.000000000000000000");
    }

    @Test
    void getSecretMintsAWorkingApiKey() throws Exception {
        fundChatbot();

        CliRun run = CliRun.of(home, env, "1\n", "inference", "get-secret", "--provider", chatbot.checksummed());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Please select the API Key expiration duration:", "1) Never expires");
        assertThat(run.out()).contains("✓ API Key generated successfully!", "Service Type: chatbot", "Token ID: 0",
                "Expires: Never", "Authorization: Bearer app-sk-", "/v1/proxy/chat/completions",
                "revoke-token --provider " + chatbot.checksummed() + " --token-id 0");
        String bearer = run.out().lines().filter(l -> l.startsWith("Authorization: Bearer ")).findFirst().orElseThrow()
                .substring("Authorization: ".length());

        HttpResponse<String> answer = chat(bearer);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("choices");
    }

    @Test
    void getSecretWithIdAndDurationAndRevocation() throws Exception {
        fundChatbot();

        JsonNode key = JSON.readTree(run("inference", "get-secret", "--provider", chatbot.checksummed(),
                "--token-id", "7", "--duration", "3600000", "--json").out());
        assertThat(key.path("tokenId").asInt()).isEqualTo(7);
        assertThat(Instant.parse(key.path("expiresAt").asText())).isAfter(Instant.now().plusSeconds(3000));

        CliRun revoke = run("inference", "revoke-token", "--provider", chatbot.checksummed(), "--token-id", "7");
        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("✓ Token ID 7 revoked successfully for provider " + chatbot.checksummed());
        CliRun reuse = run("inference", "get-secret", "--provider", chatbot.checksummed(), "--token-id", "7",
                "--duration", "0");
        assertThat(reuse.exitCode()).isEqualTo(1);
        assertThat(reuse.err()).contains("API key id 7 is revoked");
        assertThat(JSON.readTree(run("inference", "get-secret", "--provider", chatbot.checksummed(), "--duration", "0",
                "--json").out())
                .path("tokenId").asInt()).isZero();

        CliRun all = run("inference", "revoke-all-tokens", "--provider", chatbot.checksummed());
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("✓ All tokens revoked successfully for provider " + chatbot.checksummed());
        assertThat(run("inference", "get-secret", "--provider", chatbot.checksummed(), "--token-id", "7", "--duration",
                "3600000").exitCode())
                .isZero();
    }

    @Test
    void getSecretRefusesBadOptionValuesWithTheOfficialLinesBeforeAnyNetworkAccess() {
        for (String id : new String[] {"255", "-1", "x"}) {
            CliRun badId = run("inference", "get-secret", "--provider", chatbot.checksummed(), "--token-id", id);
            assertThat(badId.exitCode()).isEqualTo(1);
            assertThat(badId.err()).isEqualTo("Error: Token ID must be a number between 0 and 254\n");
            assertThat(badId.out()).isEmpty();
        }
        CliRun badDuration = run("inference", "get-secret", "--provider", chatbot.checksummed(), "--duration", "-1");
        assertThat(badDuration.exitCode()).isEqualTo(1);
        assertThat(badDuration.err()).isEqualTo("Error: Duration must be a non-negative number (milliseconds)\n");
        assertThat(badDuration.out()).isEmpty();

        CliRun revoke = run("inference", "revoke-token", "--provider", chatbot.checksummed(), "--token-id", "255");
        assertThat(revoke.exitCode()).isEqualTo(1);
        assertThat(revoke.err()).isEqualTo("Error: Token ID must be a number between 0 and 254\n");
    }

    @Test
    void getSecretNeedsTheMainAccountThenTheSubAccount() {
        CliRun noLedger = run("inference", "get-secret", "--provider", chatbot.checksummed(), "--duration", "0");
        assertThat(noLedger.exitCode()).isEqualTo(1);
        assertThat(noLedger.err()).contains("✗ Operation failed: Account does not exist. Please create an account first"
                + " using \"add-account\".");

        assertThat(run("deposit", "--amount", "5").exitCode()).isZero();
        CliRun noSubAccount = run("inference", "get-secret", "--provider", chatbot.checksummed(), "--duration", "0");
        assertThat(noSubAccount.exitCode()).isEqualTo(1);
        assertThat(noSubAccount.err()).contains("✗ Operation failed: Sub-account not found. Initialize it by transferring"
                + " funds via \"transfer-fund\"").contains("transfer-fund --provider " + chatbot.checksummed() + " --amount 1");
        assertThat(noSubAccount.out()).doesNotContain("app-sk-");
    }

    @Test
    void getSecretWithoutADurationAndNobodyToAnswerMintsNoKey() {
        fundChatbot();

        CliRun run = run("inference", "get-secret", "--provider", chatbot.checksummed());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot ask \"Please select the API Key expiration duration:\": no terminal",
                "--duration 86400000", "--duration 0 for a key that never expires");
        // asked before any network access, as the official CLI does: not even the chain id was read
        assertThat(run.out()).isEmpty();
    }

    @Test
    void verifyChecksTheDevProvidersSoftwareAttestation() throws Exception {
        Path reports = Files.createDirectories(home.resolve("reports"));

        CliRun run = CliRun.of(home, "inference", "verify", "--provider", chatbot.checksummed(), "--output-dir",
                reports.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Verification summary for provider " + chatbot.checksummed(),
                "TEE Signer Address Verification (1/1 matches): ✅ MATCH",
                "Docker Compose Verification: ✅ VALID", "SIMULATED", "✓ All automated checks passed");
        assertThat(reports.resolve("attestation_report.json")).exists();
        assertThat(run.out()).contains("https://github.com/0gfoundation/0g-serving-broker/releases",
                "https://search.sigstore.dev/",
                "docker run -d -p 8080:8080 docker.io/dstacktee/dstack-verifier:0.5.4",
                "curl -s -d @" + reports.resolve("attestation_report.json") + " localhost:8080/verify",
                "a SIMULATED report carries no real quote");

        JsonNode json = JSON.readTree(CliRun.of(home, "inference", "verify", "--provider", chatbot.checksummed(),
                "--output-dir", reports.toString(), "--json").out());
        assertThat(json.path("passed").asBoolean()).isTrue();
        assertThat(json.path("simulated").asBoolean()).isTrue();
    }

    @Test
    void verifyOfAnUnknownProviderFails() {
        Secp256k1Key stranger = Secp256k1Key.random();

        CliRun unknown = CliRun.of(home, "inference", "verify", "--provider", stranger.address().checksummed());

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("has no registered service");
    }

    @Test
    void downloadReportSavesTheQuote() throws Exception {
        Path output = home.resolve("out/quote.json");

        CliRun run = CliRun.of(home, "inference", "download-report", "--provider", chatbot.checksummed(), "--output",
                output.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Quote report downloaded to: " + output);
        assertThat(JSON.readTree(Files.readString(output)).has("report_data")).isTrue();
    }

    @Test
    void aBareGroupPrintsHelpAndFails() {
        CliRun run = CliRun.of(home, "inference");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("list-providers", "get-secret", "verify");
    }

    private HttpResponse<String> chat(String bearer) throws Exception {
        URI url = URI.create(chain.provider("chatbot").url() + "/v1/proxy/chat/completions");
        String body = "{\"model\":\"" + chain.provider("chatbot").model()
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                    .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
