package ai.zerog.compute.cli;

/**
 * A failure the person at the terminal can act on: printed as one line, then what to run.
 * Thrown by commands; {@link ZgComputeCli} turns it into stderr text and the exit code.
 */
public class CliFailure extends RuntimeException {
    private final String nextStep;
    private final int exitCode;

    public CliFailure(String message, String nextStep) {
        this(message, nextStep, ExitCodes.FAILURE);
    }

    public CliFailure(String message, String nextStep, int exitCode) {
        super(message);
        this.nextStep = nextStep;
        this.exitCode = exitCode;
    }

    public String nextStep() {
        return nextStep;
    }

    public int exitCode() {
        return exitCode;
    }
}
