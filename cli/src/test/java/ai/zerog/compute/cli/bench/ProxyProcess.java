package ai.zerog.compute.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An {@code inference serve} process (ours or the official one) with its own HOME: its output
 * goes to a log file (read all along, so a chatty proxy never blocks on a full pipe), and it
 * counts as started once it prints the line both CLIs print when they listen.
 */
final class ProxyProcess implements AutoCloseable {
    static final String READY_LINE = "Inference service is running on";

    private final String name;
    private final Process process;
    private final URI baseUrl;
    private final Path log;

    private ProxyProcess(String name, Process process, URI baseUrl, Path log) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    static ProxyProcess start(String name, List<String> command, Path home, int port, Path log, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("HOME", home.toString(), "NO_COLOR", "1"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
        CountDownLatch ready = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name(name + "-output").start(() -> copyOutput(process, log, ready));
        ProxyProcess proxy = new ProxyProcess(name, process, URI.create("http://127.0.0.1:" + port), log);
        try {
            if (!ready.await(timeout.toSeconds(), TimeUnit.SECONDS)) {
                proxy.close();
                throw new IllegalStateException(name + " did not start within " + timeout.toSeconds() + " s; see " + log);
            }
        } catch (InterruptedException e) {
            proxy.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited at start-up; see " + log);
        }
        return proxy;
    }

    private static void copyOutput(Process process, Path log, CountDownLatch ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                if (line.contains(READY_LINE)) {
                    out.flush();
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended; its log keeps what arrived
        } finally {
            ready.countDown();
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    String name() {
        return name;
    }

    /** CPU time the process has used so far (user + system), for CPU per request. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
