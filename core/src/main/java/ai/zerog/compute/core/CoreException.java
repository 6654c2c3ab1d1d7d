package ai.zerog.compute.core;

/** Unchecked base for every failure raised by the core module: bad input values, mostly. */
public class CoreException extends RuntimeException {

    public CoreException(String message) {
        super(message);
    }

    public CoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
