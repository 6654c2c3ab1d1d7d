package ai.zerog.compute.cli.bench;

import java.util.Arrays;

/** A growable array of longs: latencies without boxing while the load runs. */
final class LongList {
    private long[] values = new long[4096];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
