package ai.zerog.compute.sdk;

/**
 * Base of every failure the SDK reports. Subtypes name the failures a caller handles
 * differently; every message says what to do next.
 */
public class SdkException extends RuntimeException {
    public SdkException(String message) {
        super(message);
    }

    public SdkException(String message, Throwable cause) {
        super(message, cause);
    }
}
