package ai.zerog.compute.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, run as a person runs it: {@code bin/0g-compute-cli devnet up} (the
 * packaged jar, a fresh home), then {@code inference serve} and an OpenAI-style chat through it,
 * then {@code devnet down}. Runs in {@code verify}, after the jar is built.
 */
class ReadmeMainCommandIT {
    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    private static final Duration START_UP = Duration.ofMinutes(5);

    @TempDir
    Path home;

    private Process devnet;
    private Process serve;

    @AfterEach
    void stopEverything() throws Exception {
        if (serve != null) {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
        if (devnet != null && devnet.isAlive()) {
            cli("devnet", "down");
            devnet.waitFor(60, TimeUnit.SECONDS);
            devnet.destroyForcibly();
        }
    }

    @Test
    void devnetUpServesAVerifiedChatThenServeRelaysOneAndDownSavesTheState() throws Exception {
        int rpcPort = freePort();
        int providerPort = freePortRun(3);
        int uiPort = freePort();

        devnet = launch("devnet", "up", "--rpc-port", Integer.toString(rpcPort),
                "--provider-port", Integer.toString(providerPort), "--ui-port", Integer.toString(uiPort));
        List<String> upOutput = readUntil(devnet, "Serving until");

        assertThat(String.join("\n", upOutput))
                .contains("signature by the TEE signer verified")
                .contains("✓ Devnet is up")
                .contains("chatbot").contains("text-to-image").contains("speech-to-text")
                .contains("Web UI            http://localhost:" + uiPort)
                .doesNotContain("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + uiPort + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("0G");

        JsonNode status = new ObjectMapper().readTree(cli("devnet", "status", "--json"));
        assertThat(status.path("running").asBoolean()).isTrue();
        String chatbot = status.path("providers").get(0).path("address").asText();

        int servePort = freePort();
        serve = launch("inference", "serve", "--provider", chatbot, "--port", Integer.toString(servePort));
        readUntil(serve, "Inference service is running");
        HttpResponse<String> chat = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + servePort + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"dev-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hello from the README\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(chat.headers().firstValue("x-0g-verified")).contains("true");
        assertThat(chat.body()).contains("hello from the README");

        serve.destroy();
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        serve = null;
        assertThat(cli("devnet", "down")).contains("state saved");
        assertThat(devnet.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.list(home.resolve(".0g-compute-cli/devnet")).map(p -> p.getFileName().toString()))
                .anyMatch(name -> name.startsWith("anvil-state"));
    }

    private Process launch(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(REPO.resolve("bin/0g-compute-cli").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("CI", "true");
        return builder.start();
    }

    private String cli(String... args) throws Exception {
        Process process = launch(args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** Lines of {@code process} up to and including the first containing {@code marker}. */
    private static List<String> readUntil(Process process, String marker) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> seen = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + START_UP.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(marker)) {
                    return seen;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        reader.interrupt();
        throw new AssertionError("no line containing '" + marker + "'; output was:\n" + String.join("\n", seen));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The first of {@code count} consecutive free ports. */
    private static int freePortRun(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = freePort();
            if (first + count > 65535) {
                continue;
            }
            boolean allFree = true;
            for (int port = first + 1; port < first + count && allFree; port++) {
                try (ServerSocket ignored = new ServerSocket(port)) {
                    allFree = true;
                } catch (IOException e) {
                    allFree = false;
                }
            }
            if (allFree) {
                return first;
            }
        }
        throw new IOException("no run of " + count + " free ports");
    }
}
