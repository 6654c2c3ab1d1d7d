package ai.zerog.compute.devnet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pinned node tools (anvil, solc-js, OpenZeppelin sources), installed with {@code npm ci} from
 * the package-lock.json bundled in this jar into a private folder.
 */
public final class NodeTools {

    /** Overrides the install folder. */
    public static final String DIR_ENV = "ZG_NODE_TOOLS_DIR";

    private final Path directory;

    private NodeTools(Path directory) {
        this.directory = directory;
    }

    /**
     * The tools folder from {@value #DIR_ENV}, else
     * {@code ~/.0g-compute-java/node-tools/<first 12 hex of sha256(package-lock.json)>}, installed
     * with {@code npm ci} first if missing or installed from another lock file.
     */
    public static NodeTools installed() {
        return installedIn(defaultDirectory());
    }

    static NodeTools installedIn(Path directory) {
        Path folder = directory.toAbsolutePath().normalize();
        NodeToolsInstaller.ensureInstalled(folder, BundledManifest.bundled());
        return new NodeTools(folder);
    }

    static Path defaultDirectory() {
        String override = System.getenv(DIR_ENV);
        if (override != null && !override.isBlank()) {
            return Path.of(override.strip());
        }
        return Path.of(System.getProperty("user.home"), ".0g-compute-java", "node-tools",
                BundledManifest.bundled().shortHash());
    }

    public Path directory() {
        return directory;
    }

    public Path nodeModules() {
        return directory.resolve("node_modules");
    }

    /** The native anvil binary of this platform's npm package, e.g. {@code @foundry-rs/anvil-linux-amd64/bin/anvil}. */
    public Path anvilBinary() {
        Platform platform = Platform.current();
        Path binary = nodeModules().resolve(platform.anvilPackage()).resolve("bin").resolve(platform.anvilFileName());
        if (!Files.isRegularFile(binary)) {
            throw new DevnetException("the anvil binary for " + platform + " is missing at " + binary
                    + "; delete " + directory + " and retry so npm ci installs it again");
        }
        return binary;
    }

    /** The node executable on PATH. */
    public Path nodeExecutable() {
        return Executables.requireNode(Executables.systemPath());
    }

    /** Runs {@code node script args...} with NODE_PATH set to {@link #nodeModules()}, capturing its output. */
    public ProcessResult runNode(Path script, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(nodeExecutable().toString());
        command.add(script.toString());
        command.addAll(args);
        return ProcessRunner.run(command, Map.of("NODE_PATH", nodeModules().toString()), Optional.empty(), timeout);
    }

    @Override
    public String toString() {
        return "NodeTools[" + directory + "]";
    }
}
