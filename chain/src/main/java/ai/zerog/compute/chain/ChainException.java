package ai.zerog.compute.chain;

/** Base of every failure raised by the chain layer. */
public class ChainException extends RuntimeException {
    public ChainException(String message) {
        super(message);
    }

    public ChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
