package ai.zerog.compute.sdk;

/**
 * An argument the caller passed is wrong (malformed address, negative, zero or too precise
 * amount, below a network minimum). Nothing was sent; fix the input and call again.
 */
public final class InvalidInputException extends SdkException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
