package ai.zerog.compute.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a command may touch outside its arguments: the streams, the environment
 * variables, the home folder (config lives in {@code home/.0g-compute-cli}) and whether a
 * person is there to answer prompts. Tests build one per run, so commands never read
 * {@code System.*} directly.
 */
public record CliEnvironment(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path home,
                             boolean interactive) {

    public static CliEnvironment system() {
        // $HOME first, as shells and the official (Node) CLI use it; the JVM's user.home comes from passwd
        String home = System.getenv("HOME");
        Path homeDir = Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
        return new CliEnvironment(System.out, System.err, System.in, System.getenv(), homeDir,
                System.console() != null && !"true".equals(System.getenv("CI")));
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    /**
     * The folder relative paths on the command line are relative to: the shell's {@code PWD}
     * (tests set it), else the process's working directory.
     */
    public Path workingDir() {
        return variable("PWD").map(Path::of).filter(Path::isAbsolute).orElseGet(() -> Path.of("").toAbsolutePath());
    }

    /** {@code path} as typed, resolved against {@link #workingDir()}. */
    public Path resolve(Path path) {
        return path.isAbsolute() ? path : workingDir().resolve(path).normalize();
    }

    /** {@code ~/.0g-compute-cli}: the CLI's config, keystore and devnet state. */
    public Path configDir() {
        return home.resolve(".0g-compute-cli");
    }
}
