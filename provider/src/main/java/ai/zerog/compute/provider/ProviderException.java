package ai.zerog.compute.provider;

/** Base of every failure raised inside the provider broker. */
public class ProviderException extends RuntimeException {
    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
