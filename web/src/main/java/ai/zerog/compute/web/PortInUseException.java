package ai.zerog.compute.web;

/** The port the UI should listen on is taken by another program. */
public final class PortInUseException extends WebUiException {
    private final int port;

    public PortInUseException(String host, int port, Throwable cause) {
        super("port " + port + " on " + host + " is already in use: stop the program using it, or start the UI on"
                + " another port with --port <port> (e.g. --port " + (port == 65535 ? 3091 : port + 1) + ")", cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
