package ai.zerog.compute.devnet;

import java.util.List;
import java.util.Objects;

/** Exit code and captured output of a finished child process. */
public record ProcessResult(int exitCode, String stdout, String stderr) {

    public ProcessResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Returns this result, or throws naming {@code description} with the last lines of output. */
    public ProcessResult requireSuccess(String description) {
        if (succeeded()) {
            return this;
        }
        throw new DevnetException(description + " failed with exit code " + exitCode
                + "; last output:\n" + lastLines(20));
    }

    /** The last {@code count} lines of stderr, then stdout if stderr is empty. */
    public String lastLines(int count) {
        String text = stderr.isBlank() ? stdout : stderr;
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
