package ai.zerog.compute.provider;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** A refused or unknown provider-only request (logs): its HTTP status and {@code {"error": ...}} body. */
final class ProviderAuthException extends ProviderException {
    private final int status;

    ProviderAuthException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    String json() {
        return "{\"error\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(getMessage())) + "\"}";
    }
}
