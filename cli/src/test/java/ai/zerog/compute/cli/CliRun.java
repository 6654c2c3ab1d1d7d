package ai.zerog.compute.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** One in-process run of the CLI with captured stdout, stderr and exit code. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(Path home, Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> variables = new HashMap<>(env);
        variables.putIfAbsent("NO_COLOR", "1");
        variables.putIfAbsent("ZG_STATUS_API", "off"); // tests never reach the public status service
        CliEnvironment environment = new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.copyOf(variables), home,
                !stdin.isEmpty());
        int code = ZgComputeCli.run(environment, args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static CliRun of(Path home, String... args) {
        return of(home, Map.of(), "", args);
    }
}
