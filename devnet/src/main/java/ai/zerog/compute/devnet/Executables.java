package ai.zerog.compute.devnet;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds node and npm on a PATH and checks the Node.js version. */
final class Executables {

    static final int MIN_NODE_MAJOR = 20;
    static final String NODE_AND_NPM_REQUIRED = "node and npm are required (Node.js " + MIN_NODE_MAJOR
            + " or newer) to install the pinned devnet tools (anvil, solc): install Node.js with npm, e.g."
            + " `apt-get install nodejs npm` (Debian/Ubuntu), `brew install node` (macOS) or from"
            + " https://nodejs.org, make sure both are on PATH, then retry";

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("windows");
    private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.");

    private Executables() {
    }

    /** The node and npm executables on {@code path}, or one error naming what to install. */
    static NodeAndNpm requireNodeAndNpm(String path) {
        Optional<Path> node = find("node", path);
        Optional<Path> npm = find("npm", path);
        if (node.isEmpty() || npm.isEmpty()) {
            String missing = node.isEmpty() && npm.isEmpty() ? "node and npm are"
                    : node.isEmpty() ? "node is" : "npm is";
            throw new DevnetException(missing + " not on PATH. " + NODE_AND_NPM_REQUIRED);
        }
        return new NodeAndNpm(node.get(), npm.get());
    }

    static Path requireNode(String path) {
        return find("node", path).orElseThrow(() -> new DevnetException("node is not on PATH. " + NODE_AND_NPM_REQUIRED));
    }

    static String systemPath() {
        return Optional.ofNullable(System.getenv("PATH")).orElse("");
    }

    /** Fails unless {@code node --version} reports at least {@link #MIN_NODE_MAJOR}. */
    static void requireNodeVersion(Path node) {
        ProcessResult result = ProcessRunner.run(List.of(node.toString(), "--version"), Map.of(), Optional.empty(),
                Duration.ofSeconds(30));
        Matcher version = NODE_VERSION.matcher(result.stdout().strip());
        if (!result.succeeded() || !version.lookingAt()) {
            throw new DevnetException("could not read the Node.js version from `" + node + " --version`: "
                    + result.lastLines(5) + ". " + NODE_AND_NPM_REQUIRED);
        }
        if (Integer.parseInt(version.group(1)) < MIN_NODE_MAJOR) {
            throw new DevnetException("Node.js " + result.stdout().strip() + " at " + node + " is too old. "
                    + NODE_AND_NPM_REQUIRED);
        }
    }

    static Optional<Path> find(String name, String path) {
        List<String> candidates = WINDOWS ? List.of(name + ".exe", name + ".cmd", name + ".bat") : List.of(name);
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String candidate : candidates) {
                Path file = Path.of(dir, candidate);
                if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    record NodeAndNpm(Path node, Path npm) {
    }
}
