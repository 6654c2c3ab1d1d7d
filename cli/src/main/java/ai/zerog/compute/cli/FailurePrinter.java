package ai.zerog.compute.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into the official failure line
 * ({@code ✗ Operation failed: <message>}), our "what to run next" line, and an exit code; an
 * {@link InvalidOptionValue} prints only its official {@code Error: …} line.
 * {@code VERBOSE=true} adds the stack trace, as the official CLI does.
 */
final class FailurePrinter implements IExecutionExceptionHandler {
    private final CliEnvironment environment;

    FailurePrinter(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        var err = environment.err();
        CliFailure failure = Failures.toCli(e);
        if (failure instanceof InvalidOptionValue invalid) {
            err.println(invalid.line());
        } else {
            err.println("✗ Operation failed: " + failure.getMessage());
        }
        if (failure.nextStep() != null && !failure.nextStep().isBlank()) {
            err.println("  " + failure.nextStep());
        }
        if ("true".equals(environment.env().get("VERBOSE"))) {
            err.println("Raw error:");
            e.printStackTrace(err);
        }
        err.flush();
        return failure.exitCode();
    }
}
