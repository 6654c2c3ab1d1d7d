package ai.zerog.compute.devnet;

/** The one unchecked exception of the devnet module: node tools, npm and the anvil process. */
public class DevnetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DevnetException(String message) {
        super(message);
    }

    public DevnetException(String message, Throwable cause) {
        super(message, cause);
    }
}
