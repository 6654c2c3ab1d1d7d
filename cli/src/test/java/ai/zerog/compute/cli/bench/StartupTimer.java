package ai.zerog.compute.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of one CLI command from process start to exit (output discarded), as a shell user
 * waits for it. A failing command stops the benchmark: a fast error is no start-up figure.
 */
final class StartupTimer {
    private final Path scratch;

    StartupTimer(Path scratch) {
        this.scratch = scratch;
    }

    /** Milliseconds one run of {@code args} took. */
    double runMillis(BenchCli cli, List<String> args) {
        Path errors = scratch.resolve(cli.name() + "-startup-stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(cli.command(args))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile());
        builder.environment().putAll(Map.of("HOME", cli.home().toString(), "NO_COLOR", "1"));
        try {
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(cli.name() + " " + args + " did not finish in 2 minutes");
            }
            long elapsed = System.nanoTime() - start;
            if (process.exitValue() != 0) {
                throw new IllegalStateException(cli.name() + " " + args + " exited with " + process.exitValue() + ": "
                        + Files.readString(errors));
            }
            return elapsed / 1e6;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static double median(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
