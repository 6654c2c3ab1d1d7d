package ai.zerog.compute.sdk;

import java.util.Objects;

/** One line of {@code verifyService} progress: which step, how it went, and the facts behind it. */
public record VerificationStep(String name, Status status, String detail) {
    public enum Status {
        /** The step begins (e.g. a report is being fetched). */
        STARTED,
        PASSED,
        FAILED,
        /** Not a failed check, but something the reader must know (e.g. the attestation is simulated). */
        WARNING,
        /** Context: the architecture found, where reports were saved, what to check next by hand. */
        INFO
    }

    public VerificationStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return "[" + status + "] " + name + (detail.isEmpty() ? "" : ": " + detail);
    }
}
