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
        return new CliEnvironment(System.out, System.err, System.in, System.getenv(),
                Path.of(System.getProperty("user.home")), System.console() != null && !"true".equals(System.getenv("CI")));
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    /** {@code ~/.0g-compute-cli}: the CLI's config, keystore and devnet state. */
    public Path configDir() {
        return home.resolve(".0g-compute-cli");
    }
}
