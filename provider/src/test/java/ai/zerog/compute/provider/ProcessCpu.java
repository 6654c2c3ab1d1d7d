package ai.zerog.compute.provider;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time (user + system, all threads, in nanoseconds) used so far by this JVM or by another
 * process. On 2 shared cores, CPU per request is the fairest figure of what the broker costs:
 * latency there is mostly queueing behind whatever else runs.
 */
final class ProcessCpu {
    /** Linux reports other processes' CPU in clock ticks of 1/100 s ({@code getconf CLK_TCK}). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    /** This JVM's CPU time (exact to the nanosecond). */
    static long self() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One thread of another process: its name (as the kernel shortens it) and CPU time so far. */
    record ThreadCpu(String name, long nanos) {
    }

    /** Every live thread of process {@code pid} by thread id. */
    static Map<Long, ThreadCpu> byThread(long pid) {
        Map<Long, ThreadCpu> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    threads.put(Long.parseLong(task.getFileName().toString()), new ThreadCpu(name, ticks(stat)));
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/" + pid + "/task", e);
        }
        return threads;
    }

    /**
     * CPU spent since {@code before} by thread name, digits folded ({@code ForkJoinPool-1-worker-#}),
     * so pools show as one line. Threads that ended meanwhile are missing.
     */
    static Map<String, Long> byThreadSince(long pid, Map<Long, ThreadCpu> before) {
        Map<String, Long> spent = new HashMap<>();
        byThread(pid).forEach((tid, now) -> {
            ThreadCpu then = before.get(tid);
            long nanos = now.nanos() - (then == null ? 0 : then.nanos());
            if (nanos > 0) {
                spent.merge(now.name().replaceAll("[0-9]+", "#"), nanos, Long::sum);
            }
        });
        return spent;
    }

    /** Another process's CPU time from {@code /proc/<pid>/stat} (utime + stime), to 10 ms. */
    static long of(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat", e);
        }
    }

    /** utime + stime of a {@code stat} line, in nanoseconds. */
    private static long ticks(String stat) {
        // fields after the parenthesised name: state is field 3, utime field 14, stime field 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    }
}
