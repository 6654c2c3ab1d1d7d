package ai.zerog.compute.cli;

/**
 * A bad option value caught before any network access, worded and printed as the official CLI
 * does ({@code Error: <message>} alone on stderr, exit code 1; CLI-AND-UI.md §5.5), so scripts
 * matching the official line keep working. It carries no "what to run" line: the official has none.
 */
final class InvalidOptionValue extends CliFailure {
    InvalidOptionValue(String message) {
        super(message, "");
    }

    /** The whole stderr line. */
    String line() {
        return "Error: " + getMessage();
    }
}
