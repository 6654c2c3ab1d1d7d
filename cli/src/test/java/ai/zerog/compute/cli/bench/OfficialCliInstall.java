package ai.zerog.compute.cli.bench;

import ai.zerog.compute.devnet.NodeTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The official CLI ({@code @0gfoundation/0g-compute-ts-sdk@0.9.0}, bin {@code 0g-compute-cli}),
 * installed with npm into the node tools cache outside the work tree, in the same folder the
 * provider tests' official SDK client uses, so one install serves both. Nothing of it is committed.
 */
final class OfficialCliInstall {
    static final String PACKAGE = "@0gfoundation/0g-compute-ts-sdk@0.9.0";

    private OfficialCliInstall() {
    }

    /** The {@code 0g-compute-cli} executable, installed first if missing. */
    static Path bin() {
        Path dir = NodeTools.installed().directory().resolve("official-sdk-0.9.0-client");
        Path bin = dir.resolve("node_modules/.bin/0g-compute-cli");
        if (Files.isExecutable(bin)) {
            return bin;
        }
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve("package.json"))) {
                Files.writeString(dir.resolve("package.json"), "{\"name\":\"official-sdk-client\",\"private\":true}\n");
            }
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", PACKAGE)
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("npm-install.log").toFile()).start();
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isExecutable(bin)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm install " + PACKAGE + " failed; see " + dir.resolve("npm-install.log"));
            }
            return bin;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install " + PACKAGE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
