package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

class RootCommandTest {
    @TempDir
    Path home;

    @Test
    void versionPrintsTheBareVersion() {
        CliRun run = CliRun.of(home, "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("0.9.0");
    }

    @Test
    void aBareInvocationPrintsHelpToStderrAndFails() {
        CliRun run = CliRun.of(home);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Usage: 0g-compute-cli").contains("devnet");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownCommandFails() {
        CliRun run = CliRun.of(home, "foo");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("foo");
    }

    @Test
    void aCommandLineNamingACommandBuildsOnlyThatBranch() {
        CliEnvironment environment = TestEnvironments.of(home, Map.of(), "");

        CommandLine pruned = ZgComputeCli.commandLine(environment, List.of("inf", "get-secret", "--provider", "0x1"));

        assertThat(pruned.getSubcommands()).containsOnlyKeys("inference", "inf");
        assertThat(pruned.getSubcommands().get("inference").getSubcommands()).containsOnlyKeys("get-secret");
    }

    @Test
    void everyCommandHasTheSameOptionsAndHelpWhetherBuiltAloneOrInTheWholeTree() {
        CliEnvironment environment = TestEnvironments.of(home, Map.of(), "");
        CommandLine whole = ZgComputeCli.commandLine(environment, List.of("--help"));
        List<List<String>> paths = new ArrayList<>();
        collectPaths(whole, List.of(), paths);

        assertThat(paths).hasSizeGreaterThan(40);
        for (List<String> path : paths) {
            CommandLine alone = ZgComputeCli.commandLine(environment, path);
            assertThat(usageAt(alone, path)).as(String.join(" ", path)).isEqualTo(usageAt(whole, path));
        }
    }

    @Test
    void completionScriptsStillSeeTheWholeTree() {
        CliRun run = CliRun.of(home, "completion", "bash");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("get-account").contains("list-providers").contains("devnet");
    }

    private static void collectPaths(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            paths.add(List.copyOf(longer));
            collectPaths(sub, longer, paths);
        });
    }

    private static String usageAt(CommandLine root, List<String> path) {
        CommandLine command = root;
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }
}
