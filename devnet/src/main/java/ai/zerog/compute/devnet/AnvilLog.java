package ai.zerog.compute.devnet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drains anvil's merged stdout/stderr on its own thread so the pipe never fills: appends each line
 * to the log file if there is one, keeps the last lines for error messages and reports the port
 * from anvil's "Listening on host:port" line.
 */
final class AnvilLog {

    private static final int KEPT_LINES = 40;
    private static final Pattern LISTENING = Pattern.compile("Listening on (\\S+):(\\d+)");

    private final Deque<String> lastLines = new ArrayDeque<>();
    private final CompletableFuture<Integer> listeningPort = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final Optional<Writer> file;

    private AnvilLog(Optional<Writer> file) {
        this.file = file;
    }

    /** Opens the log file (before anvil starts, so a bad path fails early). */
    static AnvilLog open(Optional<Path> logFile) {
        try {
            Optional<Writer> writer = Optional.empty();
            if (logFile.isPresent()) {
                Path path = logFile.get().toAbsolutePath();
                Files.createDirectories(path.getParent());
                writer = Optional.of(Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            }
            return new AnvilLog(writer);
        } catch (IOException e) {
            throw new DevnetException("could not open the anvil log file " + logFile.orElseThrow() + ": " + e.getMessage(), e);
        }
    }

    /** Starts draining {@code output} on a daemon thread. */
    void drain(InputStream output, String threadName) {
        Thread.ofPlatform().daemon().name(threadName).start(() -> pump(output));
    }

    CompletableFuture<Integer> listeningPort() {
        return listeningPort;
    }

    synchronized List<String> lastLines() {
        return List.copyOf(lastLines);
    }

    String lastLinesText() {
        List<String> lines = lastLines();
        return lines.isEmpty() ? "(anvil printed nothing)" : String.join("\n", lines);
    }

    boolean contains(String text) {
        return lastLines().stream().anyMatch(line -> line.contains(text));
    }

    /** Waits until anvil's output ended (it exited) so the log file is complete. */
    void awaitEnd(Duration timeout) {
        try {
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the output did not end in time or the pump failed: nothing more to wait for
        }
    }

    private void pump(InputStream output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                accept(line);
            }
        } catch (IOException e) {
            accept("[anvil output stopped: " + e.getMessage() + "]");
        } finally {
            closeFile();
            listeningPort.completeExceptionally(new DevnetException("anvil exited before listening"));
            ended.complete(null);
        }
    }

    private void accept(String line) {
        synchronized (this) {
            if (lastLines.size() == KEPT_LINES) {
                lastLines.removeFirst();
            }
            lastLines.addLast(line);
        }
        Matcher listening = LISTENING.matcher(line);
        if (listening.find()) {
            listeningPort.complete(Integer.parseInt(listening.group(2)));
        }
        file.ifPresent(writer -> {
            try {
                writer.write(line);
                writer.write(System.lineSeparator());
                writer.flush();
            } catch (IOException e) {
                // a full disk must not block anvil: keep draining, the last lines stay in memory
            }
        });
    }

    void closeFile() {
        file.ifPresent(writer -> {
            try {
                writer.close();
            } catch (IOException e) {
                // nothing left to write
            }
        });
    }
}
