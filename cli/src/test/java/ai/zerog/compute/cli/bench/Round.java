package ai.zerog.compute.cli.bench;

import java.time.Duration;
import java.util.List;

/** One proxy's measured load, and the CPU time its process used meanwhile (zero when not a process). */
record Round(LoadResult load, Duration cpu) {

    static Round combined(List<Round> rounds) {
        return new Round(LoadResult.combined(rounds.stream().map(Round::load).toList()),
                rounds.stream().map(Round::cpu).reduce(Duration.ZERO, Duration::plus));
    }

    double cpuMillisPerAnswer() {
        return cpu.toNanos() / 1e6 / Math.max(1, load.answers());
    }
}
