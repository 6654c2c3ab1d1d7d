package ai.zerog.compute.provider;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BenchmarkBroker} in a child JVM (same classpath as ours), with its URL and resident
 * memory. Closing it closes the child's standard input, which stops the broker.
 */
final class BenchmarkBrokerProcess implements AutoCloseable {
    private final Process process;
    private final URI url;

    private BenchmarkBrokerProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    static BenchmarkBrokerProcess start(List<String> jvmFlags, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classPath());
        command.add(BenchmarkBroker.class.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.startsWith("ready ")) {
            line = out.readLine(); // JVM notices (e.g. of -XX flags) before ours
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the benchmark broker did not start; see " + log);
        }
        Thread.ofVirtual().start(() -> drain(out));
        return new BenchmarkBrokerProcess(process, URI.create("http://127.0.0.1:" + line.substring(6).strip()));
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // nothing else of interest is printed
            }
        } catch (IOException e) {
            // the broker has gone
        }
    }

    URI url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    /** VmRSS (now) in bytes. */
    long residentBytes() {
        return status("VmRSS:");
    }

    /** VmHWM (the peak resident size so far) in bytes. */
    long peakResidentBytes() {
        return status("VmHWM:");
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + process.pid() + "/status", e);
        }
        throw new IllegalStateException(field + " missing from /proc/" + process.pid() + "/status");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Under {@code exec:java} the test classpath is the context class loader's, not java.class.path. */
    private static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader
                && loader.getURLs().length > 0) {
            return String.join(File.pathSeparator, Arrays.stream(loader.getURLs()).map(BenchmarkBrokerProcess::path).toList());
        }
        return System.getProperty("java.class.path");
    }

    private static String path(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("not a file URL on the classpath: " + url, e);
        }
    }
}
