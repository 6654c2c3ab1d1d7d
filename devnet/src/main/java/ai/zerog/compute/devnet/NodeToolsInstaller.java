package ai.zerog.compute.devnet;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a folder hold node_modules installed by {@code npm ci} from the bundled lock file.
 * A marker file inside node_modules records the lock hash, written only after npm succeeded, so an
 * interrupted install or a changed lock file installs again. Threads of one JVM serialise on a
 * monitor per folder, JVMs on a file lock in the folder.
 */
final class NodeToolsInstaller {

    static final String MARKER = ".zerog-lock-sha256";
    private static final String LOCK_FILE = ".install.lock";
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private NodeToolsInstaller() {
    }

    /** Installs into {@code dir} unless it is already current; returns whether it installed. */
    static boolean ensureInstalled(Path dir, BundledManifest manifest) {
        Path folder = dir.toAbsolutePath().normalize();
        if (isCurrent(folder, manifest)) {
            return false;
        }
        synchronized (MONITORS.computeIfAbsent(folder, key -> new Object())) {
            try {
                Files.createDirectories(folder);
                try (FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    channel.lock(); // held until the channel closes; waits for an install in another JVM
                    if (isCurrent(folder, manifest)) {
                        return false;
                    }
                    install(folder, manifest);
                    return true;
                }
            } catch (IOException e) {
                throw new DevnetException("could not prepare the node tools folder " + folder + ": " + e.getMessage(), e);
            }
        }
    }

    static boolean isCurrent(Path dir, BundledManifest manifest) {
        Path marker = dir.resolve("node_modules").resolve(MARKER);
        try {
            return Files.isRegularFile(marker) && Files.readString(marker).strip().equals(manifest.lockSha256());
        } catch (IOException e) {
            return false;
        }
    }

    private static void install(Path dir, BundledManifest manifest) throws IOException {
        Executables.NodeAndNpm tools = Executables.requireNodeAndNpm(Executables.systemPath());
        Executables.requireNodeVersion(tools.node());
        System.err.println("Installing pinned node tools (anvil, solc) with npm ci into " + dir + " ...");
        for (Map.Entry<String, byte[]> file : manifest.files().entrySet()) {
            writeIfDifferent(dir.resolve(file.getKey()), file.getValue());
        }
        ProcessResult npm = ProcessRunner.run(
                List.of(tools.npm().toString(), "ci", "--no-audit", "--no-fund"),
                Map.of(), Optional.of(dir), NPM_TIMEOUT);
        if (!npm.succeeded()) {
            throw new DevnetException("`npm ci` failed in " + dir + " with exit code " + npm.exitCode()
                    + "; last npm output:\n" + npm.lastLines(25));
        }
        Path marker = dir.resolve("node_modules").resolve(MARKER);
        Path temporary = dir.resolve("node_modules").resolve(MARKER + ".tmp");
        Files.writeString(temporary, manifest.lockSha256() + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    // Leaves identical files untouched, e.g. when ZG_NODE_TOOLS_DIR points at the repository's tools/node.
    private static void writeIfDifferent(Path file, byte[] content) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            return;
        }
        Files.write(file, content);
    }
}
