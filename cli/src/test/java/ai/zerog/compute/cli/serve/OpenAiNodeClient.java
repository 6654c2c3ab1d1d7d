package ai.zerog.compute.cli.serve;

import ai.zerog.compute.devnet.NodeTools;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The official OpenAI client for Node, pinned in {@code src/test/node} (package.json +
 * package-lock.json), installed with {@code npm ci} on first use into
 * {@code ~/.0g-compute-java/node-clients/openai-<lock hash>} (outside the work tree, nothing
 * committed but the pins), and a way to run our driver script with it.
 */
final class OpenAiNodeClient {
    static final Path SOURCE = Path.of("src/test/node");
    private static final List<String> PINNED_FILES = List.of("package.json", "package-lock.json", ".npmrc");
    private static final String MARKER = ".zerog-lock-sha256";
    private static final String RESULT_MARKER = "@@OPENAI-CLIENT-RESULT@@";

    private OpenAiNodeClient() {
    }

    /** Runs {@code openai-client.mjs} (a chat and a streamed chat) against {@code baseUrl} and returns its JSON. */
    static JsonNode chatAndStream(URI baseUrl, String apiKey, String model) {
        Path dir = installed();
        try {
            Path script = dir.resolve("openai-client.mjs");
            Files.copy(SOURCE.resolve("openai-client.mjs"), script, StandardCopyOption.REPLACE_EXISTING);
            Path stderr = dir.resolve("client-stderr.log");
            Process process = new ProcessBuilder(NodeTools.installed().nodeExecutable().toString(), script.toString(),
                    baseUrl.toString(), apiKey, model).directory(dir.toFile()).redirectError(stderr.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the OpenAI client did not finish within 3 minutes");
            }
            int at = out.lastIndexOf(RESULT_MARKER);
            if (at < 0) {
                throw new AssertionError("the OpenAI client printed no result:\n" + out + "\n" + Files.readString(stderr));
            }
            JsonNode result = ProxyCalls.JSON.readTree(out.substring(at + RESULT_MARKER.length()).strip());
            if (result.has("fatal")) {
                throw new AssertionError("the OpenAI client failed: " + result.get("fatal").asText());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Path installed() {
        try {
            String hash = sha256(Files.readAllBytes(SOURCE.resolve("package-lock.json")));
            Path dir = Path.of(System.getProperty("user.home"), ".0g-compute-java", "node-clients",
                    "openai-" + hash.substring(0, 12));
            Path marker = dir.resolve("node_modules").resolve(MARKER);
            if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(hash)) {
                return dir;
            }
            Files.createDirectories(dir);
            try (FileChannel lock = FileChannel.open(dir.resolve(".install.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                lock.lock(); // another test JVM may be installing
                if (!(Files.isRegularFile(marker) && Files.readString(marker).strip().equals(hash))) {
                    install(dir, marker, hash);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void install(Path dir, Path marker, String hash) throws IOException {
        for (String file : PINNED_FILES) {
            Files.copy(SOURCE.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = dir.resolve("npm-ci.log");
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new AssertionError("npm ci of the OpenAI client failed in " + dir + ":\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Files.writeString(marker, hash + "\n");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
