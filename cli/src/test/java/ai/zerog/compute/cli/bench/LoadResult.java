package ai.zerog.compute.cli.bench;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * What one or more load rounds measured: successful answers, their latencies (sorted, in
 * nanoseconds), failures, and the wall time the rounds took together.
 */
record LoadResult(long[] sortedLatencies, long failures, String firstFailure, long elapsedNanos) {

    static LoadResult of(List<LongList> latencies, long failures, String firstFailure, long elapsedNanos) {
        long[] all = latencies.stream().flatMapToLong(list -> LongStream.of(list.toArray())).toArray();
        Arrays.sort(all);
        return new LoadResult(all, failures, firstFailure, elapsedNanos);
    }

    /** Several rounds as one: their answers together over their summed time. */
    static LoadResult combined(List<LoadResult> rounds) {
        long[] all = rounds.stream().flatMapToLong(r -> LongStream.of(r.sortedLatencies)).toArray();
        Arrays.sort(all);
        return new LoadResult(all, rounds.stream().mapToLong(LoadResult::failures).sum(),
                rounds.stream().map(LoadResult::firstFailure).filter(f -> !f.isEmpty()).findFirst().orElse(""),
                rounds.stream().mapToLong(LoadResult::elapsedNanos).sum());
    }

    long answers() {
        return sortedLatencies.length;
    }

    double requestsPerSecond() {
        return answers() / (elapsedNanos / 1e9);
    }

    /** The latency at {@code percent} (nearest rank), in milliseconds. */
    double percentileMillis(double percent) {
        if (sortedLatencies.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * sortedLatencies.length);
        return sortedLatencies[Math.max(0, rank - 1)] / 1e6;
    }
}
