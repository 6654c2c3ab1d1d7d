package ai.zerog.compute.cli.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.cli.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevnetCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void upServesUntilDownThenStatusAndResetWorkOnTheSavedState() throws Exception {
        Path dataDir = home.resolve("devnet-data");
        CompletableFuture<CliRun> up = CompletableFuture.supplyAsync(() -> CliRun.of(home, "devnet", "up",
                "--data-dir", dataDir.toString(), "--rpc-port", "0", "--provider-port", "0"));
        awaitServing(up, dataDir);

        JsonNode running = statusJson(dataDir);
        assertThat(running.path("running").asBoolean()).isTrue();
        assertThat(running.path("chainId").asLong()).isEqualTo(31337);
        assertThat(running.path("ledger").asText()).isEqualTo("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
        assertThat(running.path("inference").asText()).isEqualTo("0x0165878A594ca255338adfa4d48449f69242Eb8F");
        assertThat(running.path("rpc").asText()).startsWith("http://127.0.0.1:");
        assertThat(running.path("providers")).hasSize(3);
        assertThat(running.path("providers").path(0).path("serviceType").asText()).isEqualTo("chatbot");
        assertThat(running.path("providers").path(0).path("model").asText()).isEqualTo("dev-model");
        assertThat(running.path("providers").path(2).path("url").asText()).startsWith("http://127.0.0.1:");
        assertThat(running.path("user").path("address").asText()).isEqualTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        assertThat(running.path("user").path("accountIndex").asInt()).isEqualTo(1);
        assertThat(config()).contains("\"network\" : \"devnet\"", "\"devnetAccount\" : 1",
                running.path("rpc").asText());

        CliRun again = CliRun.of(home, "devnet", "up", "--data-dir", dataDir.toString(), "--rpc-port", "0");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("a devnet is already running from " + dataDir, "devnet down");

        CliRun resetWhileRunning = CliRun.of(home, "devnet", "reset", "--yes", "--data-dir", dataDir.toString());
        assertThat(resetWhileRunning.exitCode()).isEqualTo(1);
        assertThat(resetWhileRunning.err()).contains("is running", "0g-compute-cli devnet down");

        CliRun down = CliRun.of(home, "devnet", "down");
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out()).contains("✓ Devnet stopped; state saved in " + dataDir);
        CliRun served = up.get(60, TimeUnit.SECONDS);
        assertThat(served.exitCode()).as(served.err()).isZero();
        assertThat(served.out()).contains("Deployed LedgerManager", "Demo chat: \"", "signature by the TEE signer verified",
                "✓ Devnet is up", "speech-to-text", "Dev wallet", "✓ Devnet stopped");
        assertThat(served.out() + served.err()).doesNotContain(
                DevnetAccounts.defaults().key(DevnetAccounts.USER).privateKey().toString(16));
        assertThat(Files.readString(dataDir.resolve("anvil-state.json"))).isNotBlank();

        JsonNode stopped = statusJson(dataDir);
        assertThat(stopped.path("running").asBoolean()).isFalse();
        assertThat(stopped.path("ledger")).isEqualTo(running.path("ledger"));
        CliRun human = CliRun.of(home, "devnet", "status");
        assertThat(human.out()).contains("Devnet is stopped", "InferenceServing", "whisper-large-v3", "account #1");

        CliRun unconfirmed = CliRun.of(home, "devnet", "reset");
        assertThat(unconfirmed.exitCode()).isEqualTo(1);
        assertThat(unconfirmed.err()).contains("--yes");
        assertThat(dataDir.resolve("anvil-state.json")).exists();

        CliRun declined = CliRun.of(home, Map.of(), "n\n", "devnet", "reset");
        assertThat(declined.out()).contains("Reset cancelled.");
        assertThat(dataDir.resolve("anvil-state.json")).exists();

        CliRun reset = CliRun.of(home, Map.of(), "y\n", "devnet", "reset");
        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("✓ Devnet state deleted from " + dataDir);
        assertThat(dataDir).doesNotExist();
        CliRun gone = CliRun.of(home, "devnet", "status", "--json");
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).contains("no devnet in", "0g-compute-cli devnet up");
    }

    @Test
    void statusJsonDescribesASavedDevnetThatIsNotServed() throws Exception {
        LocalDevnet shared = TestDevnet.shared();

        JsonNode status = statusJson(shared.dataDir());

        assertThat(status.path("running").asBoolean()).isFalse();
        assertThat(status.path("rpc").asText()).isEqualTo(shared.summary().rpc().toString());
        assertThat(status.path("providers").findValuesAsText("serviceType"))
                .containsExactly("chatbot", "text-to-image", "speech-to-text");
        assertThat(status.path("user").path("accountIndex").asInt()).isEqualTo(1);
        assertThat(status.toString()).doesNotContain("mnemonic");
    }

    @Test
    void aPortInUseIsOneLineNamingTheOption() {
        int taken = TestDevnet.shared().summary().rpc().getPort();

        CliRun run = CliRun.of(home, "devnet", "up", "--data-dir", home.resolve("d").toString(),
                "--rpc-port", Integer.toString(taken));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("✗ Operation failed: port " + taken + " (anvil RPC) is already in use",
                "devnet up --rpc-port <port>");
    }

    @Test
    void downWithNothingRunningSaysSo() {
        CliRun run = CliRun.of(home, "devnet", "down", "--data-dir", home.resolve("none").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No devnet is running from");
    }

    @Test
    void aBadMnemonicIsRefusedBeforeAnythingStarts() {
        CliRun run = CliRun.of(home, "devnet", "up", "--data-dir", home.resolve("m").toString(), "--rpc-port", "0",
                "--mnemonic", "test test test test test test test test test test test test");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not a valid BIP-39 phrase");
    }

    private JsonNode statusJson(Path dataDir) throws IOException {
        CliRun status = CliRun.of(home, "devnet", "status", "--json", "--data-dir", dataDir.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        return JSON.readTree(status.out());
    }

    private String config() throws IOException {
        return Files.readString(home.resolve(".0g-compute-cli/config.json"));
    }

    /** Waits for {@code up} to record itself as serving, failing early with its output if it ends first. */
    private static void awaitServing(CompletableFuture<CliRun> up, Path dataDir) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!Files.exists(dataDir.resolve("devnet.pid"))) {
            assertThat(Instant.now()).as("devnet up did not get ready in time").isBefore(deadline);
            try {
                CliRun ended = up.get(100, TimeUnit.MILLISECONDS);
                throw new AssertionError("devnet up ended early: " + ended);
            } catch (TimeoutException stillStarting) {
                // look again
            } catch (ExecutionException e) {
                throw new AssertionError("devnet up failed", e.getCause());
            }
        }
    }
}
