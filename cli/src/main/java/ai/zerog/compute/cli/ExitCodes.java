package ai.zerog.compute.cli;

/** The exit codes the CLI documents (README, "Exit codes"). */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command failed (bad usage, a chain or provider error); stderr says why and what to run. */
    public static final int FAILURE = 1;
    /** {@code inference verify}: the provider answered but a verification check failed. */
    public static final int VERIFICATION_FAILED = 2;

    private ExitCodes() {
    }
}
