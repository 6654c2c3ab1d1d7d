package ai.zerog.compute.provider;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Two costs every answer of a signing, durably recording broker carries whatever its code, measured
 * on this machine beside the latency rows: one durable commit (a 4 KB append made durable with
 * {@code fdatasync}, as SQLite's WAL does per commit with {@code synchronous=FULL}) and one TEE
 * signature of an answer's hash text. Wall time and this thread's CPU (user + system).
 */
record FloorCosts(Commits busy, Commits idle, long signatureCpuNanos) {
    private static final int COMMITS = 400;
    /** The pause before each idle commit: a disk that has been idle a moment answers slower (seen: ~1 ms vs 0.2 ms). */
    private static final long IDLE_MILLIS = 20;

    /** Durable commits' wall time (p50, p99) and CPU each, in nanoseconds. */
    record Commits(long p50, long p99, long cpu) {
        String text() {
            return String.format("p50 %.2f ms, p99 %.2f ms, %.0f µs of CPU", p50 / 1e6, p99 / 1e6, cpu / 1e3);
        }
    }
    private static final int SIGNATURES = 4_000;
    /** A chat answer's signed text: two SHA-256 hex digests (PROTOCOL.md §5.1). */
    private static final String TEXT = "0bfcf1c873fe23e87366969117efdc24b95f341eb2f4abe10ae01e7a1f4994c6:"
            + "4bdc167f41842940a056a9195368a5ef454bfecbb3a7ee8c247e07313dd4fbef";

    static FloorCosts measure(Path dir, TeeSigner signer) throws IOException, InterruptedException {
        Commits busy = commits(dir, 0);
        Commits idle = commits(dir, IDLE_MILLIS);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < SIGNATURES; i++) {
            signer.signText(TEXT + i); // warm-up: the JIT compiles the signing path
        }
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < SIGNATURES; i++) {
            signer.signText(TEXT + i);
        }
        return new FloorCosts(busy, idle, (threads.getCurrentThreadCpuTime() - cpu) / SIGNATURES);
    }

    /** {@link #COMMITS} 4 KB appends each made durable, back to back or after {@code pauseMillis} idle. */
    private static Commits commits(Path dir, long pauseMillis) throws IOException, InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[COMMITS];
        long cpu = 0;
        Path file = dir.resolve("floor-commits.bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer page = ByteBuffer.allocate(4096);
            for (int i = 0; i < COMMITS; i++) {
                Thread.sleep(pauseMillis);
                page.clear();
                long startCpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                channel.write(page);
                channel.force(false);
                wall[i] = System.nanoTime() - start;
                cpu += threads.getCurrentThreadCpuTime() - startCpu;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        Arrays.sort(wall);
        return new Commits(wall[COMMITS / 2], wall[COMMITS * 99 / 100], cpu / COMMITS);
    }

    void print(PrintStream out) {
        out.printf("Floor costs on this machine: one durable commit (4 KB append + fdatasync, %d runs) back to back %s;"
                        + " after %d ms idle %s. One TEE signature of an answer's hash text: %.0f µs of CPU.%n",
                COMMITS, busy.text(), IDLE_MILLIS, idle.text(), signatureCpuNanos / 1e3);
    }
}
