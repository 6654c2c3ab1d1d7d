package ai.zerog.compute.provider;

import ai.zerog.compute.devnet.NodeTools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The official TypeScript SDK 0.9.0 with its dependencies, installed at test time with npm into
 * the node tools cache (nothing of it is committed), and a way to run our driver script with it.
 */
final class OfficialSdk {
    static final String PACKAGE = "@0gfoundation/0g-compute-ts-sdk@0.9.0";
    private static final String RESULT_MARKER = "@@OFFICIAL-SDK-RESULT@@";

    private static Path installed;

    private OfficialSdk() {
    }

    /** Runs {@code official-sdk-client.cjs} with {@code args} and returns the JSON it printed. */
    static JsonNode runClient(List<String> args) {
        Path dir = install();
        try {
            Path script = dir.resolve("official-sdk-client.cjs");
            try (InputStream in = OfficialSdk.class.getResourceAsStream("official-sdk-client.cjs")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = new ArrayList<>();
            command.add(NodeTools.installed().nodeExecutable().toString());
            command.add(script.toString());
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.redirectError(dir.resolve("client-stderr.log").toFile());
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the official SDK client did not finish in 3 minutes");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            int marker = text.lastIndexOf(RESULT_MARKER);
            if (marker < 0) {
                throw new IllegalStateException("the official SDK client printed no result; stdout:\n" + text
                        + "\nstderr: " + Files.readString(dir.resolve("client-stderr.log")));
            }
            JsonNode result = new ObjectMapper().readTree(text.substring(marker + RESULT_MARKER.length()));
            if (result.has("fatal")) {
                throw new IllegalStateException("the official SDK client failed: " + result.get("fatal").asText()
                        + "\nstderr: " + Files.readString(dir.resolve("client-stderr.log")));
            }
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the official SDK client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static synchronized Path install() {
        if (installed != null) {
            return installed;
        }
        Path dir = NodeTools.installed().directory().resolve("official-sdk-0.9.0-client");
        try {
            if (!Files.isRegularFile(dir.resolve("node_modules/@0gfoundation/0g-compute-ts-sdk/package.json"))) {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("package.json"), "{\"name\":\"official-sdk-client\",\"private\":true}\n");
                Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", PACKAGE)
                        .directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("npm-install.log").toFile()).start();
                if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                    npm.destroyForcibly();
                    throw new IllegalStateException("npm install " + PACKAGE + " failed; see " + dir.resolve("npm-install.log"));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot install " + PACKAGE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        installed = dir;
        return dir;
    }
}
