package ai.zerog.compute.cli.serve;

import ai.zerog.compute.cli.CliFailure;

/**
 * A request the proxy refuses itself, answered as an OpenAI error body with {@code status}
 * (provider errors are passed through untouched instead).
 */
final class ClientRequestException extends CliFailure {
    private final int status;
    private final String type;
    private final String code;

    ClientRequestException(int status, String type, String code, String message) {
        super(message, "");
        this.status = status;
        this.type = type;
        this.code = code;
    }

    static ClientRequestException invalid(String message) {
        return new ClientRequestException(400, "invalid_request_error", "invalid_request", message);
    }

    int status() {
        return status;
    }

    byte[] body() {
        return OpenAiErrors.body(getMessage(), type, code);
    }
}
