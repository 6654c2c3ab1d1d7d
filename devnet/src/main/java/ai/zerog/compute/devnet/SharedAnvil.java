package ai.zerog.compute.devnet;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One anvil per JVM for integration tests across modules: started on first use with the default
 * options on a free port, stopped when the JVM exits. Tests share its chain (and its clock), so they
 * should use fresh accounts or contracts rather than assume an empty chain, and must not close it.
 * The log goes to {@code target/shared-anvil-<pid>.log} when run from a Maven module, else to the
 * temp folder.
 */
public final class SharedAnvil {

    private static AnvilNode node;

    private SharedAnvil() {
    }

    /** The shared node, started now if this is the first call (or if someone stopped it). */
    public static synchronized AnvilNode get() {
        if (node == null || !node.isAlive()) {
            node = AnvilNode.start(AnvilOptions.builder().logFile(logFile()).build());
        }
        return node;
    }

    private static Path logFile() {
        Path target = Path.of("target");
        Path folder = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
        return folder.resolve("shared-anvil-" + ProcessHandle.current().pid() + ".log").toAbsolutePath();
    }
}
