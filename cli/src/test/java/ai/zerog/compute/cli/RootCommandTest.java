package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
}
