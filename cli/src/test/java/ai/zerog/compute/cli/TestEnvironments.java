package ai.zerog.compute.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Environments for calling CLI classes directly (not through a command line). */
final class TestEnvironments {
    private TestEnvironments() {
    }

    static CliEnvironment of(Path home, Map<String, String> env, String stdin) {
        Map<String, String> variables = new HashMap<>(env);
        variables.putIfAbsent("NO_COLOR", "1");
        variables.putIfAbsent("ZG_STATUS_API", "off"); // tests never reach the public status service
        return new CliEnvironment(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.copyOf(variables), home,
                !stdin.isEmpty());
    }
}
