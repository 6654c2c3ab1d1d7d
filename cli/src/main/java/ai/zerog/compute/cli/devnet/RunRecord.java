package ai.zerog.compute.cli.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code devnet.pid}: which process serves the devnet ({@code devnet up} writes it once ready and
 * deletes it after saving state). The process start time guards against a reused pid.
 */
record RunRecord(long pid, Optional<Instant> processStarted) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static RunRecord ofThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        return new RunRecord(self.pid(), self.info().startInstant());
    }

    /** The record in {@code file} if the process it names still runs; a stale record counts as none. */
    static Optional<RunRecord> running(Path file) {
        return read(file).filter(RunRecord::isAlive);
    }

    static Optional<RunRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(file.toFile());
            Optional<Instant> started = json.hasNonNull("processStarted")
                    ? Optional.of(Instant.parse(json.get("processStarted").asText())) : Optional.empty();
            return Optional.of(new RunRecord(json.path("pid").asLong(), started));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // half-written or damaged: nobody we could signal
        }
    }

    void writeTo(Path file) {
        var json = JSON.createObjectNode().put("pid", pid);
        processStarted.ifPresent(instant -> json.put("processStarted", instant.toString()));
        PrivateFiles.write(file, json.toString() + "\n");
    }

    Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(handle -> processStarted.isEmpty() || handle.info().startInstant().equals(processStarted));
    }

    boolean isAlive() {
        return process().isPresent();
    }

    boolean isThisProcess() {
        return pid == ProcessHandle.current().pid();
    }
}
