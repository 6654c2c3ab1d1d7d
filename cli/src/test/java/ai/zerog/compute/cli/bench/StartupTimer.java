package ai.zerog.compute.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Wall time of one CLI command from process start to exit (output discarded), as a shell user
 * waits for it. A failing command stops the benchmark: a fast error is no start-up figure.
 */
final class StartupTimer {
    private final Path scratch;
    private final Consumer<String> progress;

    StartupTimer(Path scratch, Consumer<String> progress) {
        this.scratch = scratch;
        this.progress = progress;
    }

    /** Medians of one command for both CLIs. */
    record Comparison(String command, double oursMillis, double officialMillis) {
    }

    /** One untimed run of each CLI first (page cache, our AppCDS archive), then {@code runs} each, in turn. */
    Comparison compare(BenchCli ours, BenchCli official, List<String> args, int runs) {
        progress.accept("start-up of " + String.join(" ", args) + ": " + runs + " runs each, in turn ...");
        runMillis(ours, args);
        runMillis(official, args);
        double[] oursMillis = new double[runs];
        double[] officialMillis = new double[runs];
        for (int run = 0; run < runs; run++) {
            oursMillis[run] = runMillis(ours, args);
            officialMillis[run] = runMillis(official, args);
        }
        progress.accept("  ours " + Arrays.toString(rounded(oursMillis)) + " ms, official "
                + Arrays.toString(rounded(officialMillis)) + " ms");
        return new Comparison(String.join(" ", args), median(oursMillis), median(officialMillis));
    }

    /** Milliseconds one run of {@code args} took. */
    double runMillis(BenchCli cli, List<String> args) {
        return timed(cli.name(), cli.name() + " " + args, cli.command(args),
                Map.of("HOME", cli.home().toString(), "NO_COLOR", "1"));
    }

    /** Runs a set-up command once (recording our archive); it must succeed. */
    void record(List<String> command) {
        timed("set-up", "set-up " + command.getLast(), command, Map.of());
    }

    private double timed(String name, String what, List<String> command, Map<String, String> environment) {
        Path errors = scratch.resolve(name + "-startup-stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile());
        builder.environment().putAll(environment);
        try {
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish in 2 minutes");
            }
            long elapsed = System.nanoTime() - start;
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + ": "
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

    private static long[] rounded(double[] millis) {
        return Arrays.stream(millis).mapToLong(Math::round).toArray();
    }

    static double median(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
