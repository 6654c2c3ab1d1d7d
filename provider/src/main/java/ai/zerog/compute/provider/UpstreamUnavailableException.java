package ai.zerog.compute.provider;

/** The upstream could not be reached, refused the connection, or timed out. */
public final class UpstreamUnavailableException extends ProviderException {
    public UpstreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public UpstreamUnavailableException(String message) {
        super(message);
    }
}
