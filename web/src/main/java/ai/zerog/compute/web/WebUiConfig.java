package ai.zerog.compute.web;

import ai.zerog.compute.chain.NetworkProfile;
import java.util.Objects;
import java.util.Set;

/**
 * Where the UI listens and which network it serves. The host must be a loopback name or address:
 * the server acts for the local identity, so nothing off this machine may reach it.
 */
public record WebUiConfig(String host, int port, NetworkProfile network) {
    public static final int DEFAULT_PORT = 3090;
    public static final String DEFAULT_HOST = "localhost";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    public WebUiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(network, "network");
        requireLoopback(host);
        if (port < 0 || port > 65535) {
            throw new WebUiException("port must be 0..65535 (0 picks a free one), got " + port);
        }
    }

    /** The defaults of {@code ui start-web}: localhost:3090. */
    public static WebUiConfig defaults(NetworkProfile network) {
        return new WebUiConfig(DEFAULT_HOST, DEFAULT_PORT, network);
    }

    public WebUiConfig withPort(int newPort) {
        return new WebUiConfig(host, newPort, network);
    }

    /** Refuses hosts other machines could reach: the UI acts for the local identity. */
    public static void requireLoopback(String host) {
        if (!isLoopback(Objects.requireNonNull(host, "host"))) {
            throw new WebUiException("the web UI acts for your local identity, so it listens on loopback only: use"
                    + " --host localhost (or 127.0.0.1), not '" + host + "'");
        }
    }

    static boolean isLoopback(String host) {
        return LOOPBACK.contains(host) || host.matches("127(\\.\\d{1,3}){3}");
    }
}
