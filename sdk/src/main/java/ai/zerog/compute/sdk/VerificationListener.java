package ai.zerog.compute.sdk;

/**
 * Receives {@code verifyService} progress as it happens, one {@link VerificationStep} at a time,
 * on the calling thread (print them, log them or show them in a UI).
 */
@FunctionalInterface
public interface VerificationListener {
    /** Ignores every step. */
    VerificationListener NONE = step -> { };

    void onStep(VerificationStep step);
}
