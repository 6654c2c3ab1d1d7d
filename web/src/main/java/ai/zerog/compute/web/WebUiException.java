package ai.zerog.compute.web;

/** Base of every failure the web UI reports; messages say what to do next. */
public class WebUiException extends RuntimeException {
    public WebUiException(String message) {
        super(message);
    }

    public WebUiException(String message, Throwable cause) {
        super(message, cause);
    }
}
