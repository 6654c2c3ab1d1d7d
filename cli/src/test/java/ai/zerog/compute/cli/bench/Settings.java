package ai.zerog.compute.cli.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The benchmark's knobs, from {@code -Dbench.*} system properties (see {@link ServeBenchmark}). */
record Settings(List<Integer> concurrency, int rounds, Duration roundLength, Duration warmup, int startupRuns,
                Path cliJar, List<String> oursJvm, Optional<Path> jfr) {

    static Settings fromSystemProperties() {
        String jvm = System.getProperty("bench.oursJvm", "").strip();
        String jfr = System.getProperty("bench.jfr", "").strip();
        return new Settings(
                Arrays.stream(System.getProperty("bench.concurrency", "1,16").split(","))
                        .map(String::strip).map(Integer::parseInt).toList(),
                Integer.getInteger("bench.rounds", 3),
                Duration.ofSeconds(Integer.getInteger("bench.roundSeconds", 7)),
                Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 8)),
                Integer.getInteger("bench.startupRuns", 7),
                Path.of(System.getProperty("bench.cliJar", "target/0g-compute-cli.jar")),
                jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")),
                jfr.isEmpty() ? Optional.empty() : Optional.of(Path.of(jfr).toAbsolutePath()));
    }
}
