package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code 0g-compute-cli} commands of the 0G "Inference" documentation (CLI tab and
 * Troubleshooting), typed exactly as printed there with {@code <PROVIDER_ADDRESS>} filled in, in
 * the order a newcomer runs them, against the test devnet. {@code setup-network},
 * {@code login} and get-secret's duration menu are answered on stdin as a person would; this is the one test that pays for a
 * full-strength (STANDARD scrypt) keystore. {@code inference serve} and {@code ui start-web} are
 * covered by their own modules' tests.
 */
class DocsCommandsTest {
    @TempDir
    Path home;

    @Test
    void theDocumentedCommandsWorkVerbatim() throws Exception {
        TestChain chain = TestChain.get();
        Address provider = chain.chatbot();
        Secp256k1Key wallet = chain.newWallet(50);
        Map<String, String> shell = new HashMap<>(Map.of("PWD", home.toString()));

        // Choose Network: the menu's "Custom RPC Endpoint", pointed at the devnet
        CliRun setup = docs(shell, "4\n" + chain.rpc() + "\n", "0g-compute-cli setup-network");
        assertThat(setup.out()).contains("✓ Network configuration completed!", "Selected RPC: " + chain.rpc());

        // Login with Wallet: key typed hidden, address confirmed, password chosen twice
        String key = String.format("%064x", wallet.privateKey());
        CliRun login = docs(shell, key + "\ny\ncorrect horse\ncorrect horse\n", "0g-compute-cli login");
        assertThat(login.out()).contains("✓ Successfully logged in", "Wallet address: " + wallet.address().checksummed());
        assertThat(login.out() + login.err()).doesNotContain(key);
        shell.put("ZG_KEYSTORE_PASSWORD", "correct horse");

        // Create Account & Add Funds (signed with the saved keystore; later steps take the key from
        // ZG_PRIVATE_KEY only to spare the suite five more full-strength scrypt runs)
        assertThat(docs(shell, "", "0g-compute-cli deposit --amount 10").out()).contains("Deposited funds: 10 0G");
        shell.putAll(TestChain.signingAs(wallet));
        assertThat(docs(shell, "", "0g-compute-cli get-account").out()).contains("10.000000000000000000");
        assertThat(docs(shell, "", "0g-compute-cli transfer-fund --provider <PROVIDER_ADDRESS> --amount 1", provider)
                .out()).contains("Successfully transferred 1 0G to " + provider.checksummed());

        // CLI Commands
        assertThat(docs(shell, "", "0g-compute-cli inference list-providers").out()).contains(provider.checksummed());
        assertThat(docs(shell, "", "0g-compute-cli inference verify --provider <PROVIDER_ADDRESS>", provider).out())
                .contains("✓ All automated checks passed");
        assertThat(home.resolve("attestation_report.json")).exists();
        assertThat(docs(shell, "", "0g-compute-cli inference acknowledge-provider --provider <PROVIDER_ADDRESS>",
                provider).out()).contains("Provider signer acknowledged successfully!");
        // get-secret's duration menu, answered "Never expires"
        CliRun secret = docs(shell, "1\n", "0g-compute-cli inference get-secret --provider <PROVIDER_ADDRESS>", provider);
        String bearer = secret.out().lines().filter(l -> l.startsWith("Authorization: Bearer app-sk-")).findFirst()
                .orElseThrow().substring("Authorization: ".length());

        // Direct API Access: the cURL example, sent with Java's client
        HttpResponse<String> answer = chat(chain, bearer);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        // Troubleshooting: Insufficient balance / Provider not acknowledged / No funds in provider sub-account
        docs(shell, "", "0g-compute-cli deposit --amount 10");
        docs(shell, "", "0g-compute-cli transfer-fund --provider <PROVIDER_ADDRESS> --amount 1", provider);
        assertThat(docs(shell, "", "0g-compute-cli get-account").out())
                .contains("│ Total                                            │ 20.000000000000000000")
                .contains(provider.checksummed());
    }

    /** Runs one documented command line; every one of them must succeed. */
    private CliRun docs(Map<String, String> shell, String stdin, String line, Address... provider) {
        String filled = provider.length == 0 ? line : line.replace("<PROVIDER_ADDRESS>", provider[0].checksummed());
        String[] words = filled.split(" ");
        assertThat(words[0]).isEqualTo("0g-compute-cli");
        String[] args = java.util.Arrays.copyOfRange(words, 1, words.length);
        CliRun run = CliRun.of(home, shell, stdin, args);
        assertThat(run.exitCode()).as(line + "\nstdout:\n" + run.out() + "\nstderr:\n" + run.err()).isZero();
        return run;
    }

    private static HttpResponse<String> chat(TestChain chain, String bearer) throws Exception {
        URI url = URI.create(chain.provider("chatbot").url() + "/v1/proxy/chat/completions");
        String body = "{\"model\": \"" + chain.provider("chatbot").model() + "\", \"messages\": ["
                + "{\"role\": \"system\", \"content\": \"You are a helpful assistant.\"},"
                + "{\"role\": \"user\", \"content\": \"Hello!\"}]}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                    .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
