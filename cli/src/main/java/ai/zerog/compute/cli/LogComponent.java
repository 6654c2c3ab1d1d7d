package ai.zerog.compute.cli;

import java.util.List;

/** The {@code --component} values of the log commands. */
final class LogComponent {
    private LogComponent() {
    }

    static void check(String component, boolean bothAllowed) {
        List<String> allowed = bothAllowed ? List.of("broker", "event", "both") : List.of("broker", "event");
        if (!allowed.contains(component)) {
            throw new CliFailure("--component must be one of " + String.join(", ", allowed) + ", got '" + component + "'",
                    "Example: --component broker");
        }
    }
}
