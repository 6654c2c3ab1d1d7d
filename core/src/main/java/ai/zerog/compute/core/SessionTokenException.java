package ai.zerog.compute.core;

import java.util.Objects;

/**
 * A session token or API key was refused (PROTOCOL.md §3.6). The message is the catalogue text of
 * {@link #error()}, which a broker answers with the entry's HTTP status.
 */
public final class SessionTokenException extends CoreException {

    private final ProviderError error;
    private final String json;

    SessionTokenException(ProviderError error, Object... args) {
        super(error.message(args));
        this.error = Objects.requireNonNull(error, "error");
        this.json = error.json(args);
    }

    /** The catalogue entry; its {@link ProviderError#httpStatus()} is the status to answer with. */
    public ProviderError error() {
        return error;
    }

    /** The broker's response body for this failure, {@code {"error":"<message>"}}. */
    public String json() {
        return json;
    }
}
