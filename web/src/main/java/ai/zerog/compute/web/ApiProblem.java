package ai.zerog.compute.web;

import java.util.Map;
import java.util.Objects;

/**
 * A failure the page shows as is: an HTTP status, a message that says what to do, and optionally
 * a {@code fix}, the action the page offers as a button (e.g. {@code transfer} to a provider).
 */
final class ApiProblem extends WebUiException {
    private final int status;
    private final Map<String, String> fix;

    ApiProblem(int status, String message) {
        this(status, message, Map.of());
    }

    ApiProblem(int status, String message, Map<String, String> fix) {
        super(message);
        this.status = status;
        this.fix = Map.copyOf(Objects.requireNonNull(fix, "fix"));
    }

    static ApiProblem badRequest(String message) {
        return new ApiProblem(400, message);
    }

    int status() {
        return status;
    }

    /** Empty, or {@code action} plus its fields ({@code provider}, {@code amount} in 0G). */
    Map<String, String> fix() {
        return fix;
    }
}
