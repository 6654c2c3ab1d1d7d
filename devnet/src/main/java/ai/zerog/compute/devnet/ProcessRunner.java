package ai.zerog.compute.devnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived command to completion, capturing stdout and stderr without blocking the child. */
final class ProcessRunner {

    private ProcessRunner() {
    }

    static ProcessResult run(List<String> command, Map<String, String> extraEnv, Optional<Path> workDir,
                             Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(extraEnv);
        workDir.ifPresent(dir -> builder.directory(dir.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DevnetException("could not start `" + command.getFirst() + "`: " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stdout = drain(process.getInputStream());
            CompletableFuture<String> stderr = drain(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new DevnetException("`" + String.join(" ", command) + "` did not finish within " + timeout);
            }
            return new ProcessResult(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            kill(process);
            throw new DevnetException("could not talk to `" + command.getFirst() + "`: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new DevnetException("interrupted while running `" + command.getFirst() + "`", e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return text;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
