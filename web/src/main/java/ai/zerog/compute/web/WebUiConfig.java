package ai.zerog.compute.web;

import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.sdk.InvalidInputException;
import ai.zerog.compute.sdk.StatusApi;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the UI listens, which network it serves, and which status API (if any) gives the
 * catalogue its monitoring figures (uptime, response time). The host must be a loopback name or
 * address: the server acts for the local identity, so nothing off this machine may reach it.
 */
public record WebUiConfig(String host, int port, NetworkProfile network, Optional<URI> statusApi) {
    public static final int DEFAULT_PORT = 3090;
    public static final String DEFAULT_HOST = "localhost";
    /** The setting the CLI reads too: an http(s) URL, {@code off}, or unset for the network's official one. */
    public static final String STATUS_API_VARIABLE = "ZG_STATUS_API";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    public WebUiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(statusApi, "statusApi");
        requireLoopback(host);
        if (port < 0 || port > 65535) {
            throw new WebUiException("port must be 0..65535 (0 picks a free one), got " + port);
        }
        statusApi.ifPresent(WebUiConfig::requireHttpUrl);
    }

    /** Listens on {@code host:port} without a status API (the catalogue shows only its own probes). */
    public WebUiConfig(String host, int port, NetworkProfile network) {
        this(host, port, network, Optional.empty());
    }

    /** The defaults of {@code ui start-web}: localhost:3090, the network's official status API. */
    public static WebUiConfig defaults(NetworkProfile network) {
        return new WebUiConfig(DEFAULT_HOST, DEFAULT_PORT, network).withStatusApiSetting("");
    }

    public WebUiConfig withPort(int newPort) {
        return new WebUiConfig(host, newPort, network, statusApi);
    }

    public WebUiConfig withStatusApi(URI endpoint) {
        return new WebUiConfig(host, port, network, Optional.of(endpoint));
    }

    public WebUiConfig withoutStatusApi() {
        return new WebUiConfig(host, port, network, Optional.empty());
    }

    /**
     * Applies a {@value #STATUS_API_VARIABLE} value as the CLI does: blank picks the official status
     * API of the network's chain (mainnet's for 16661, the testnet's otherwise), {@code off} none,
     * anything else must be an http(s) URL.
     */
    public WebUiConfig withStatusApiSetting(String setting) {
        String chosen = Objects.requireNonNull(setting, "setting").strip();
        if (chosen.isEmpty()) {
            return withStatusApi(StatusApi.endpointFor(network.chainId()));
        }
        if (chosen.equalsIgnoreCase("off")) {
            return withoutStatusApi();
        }
        try {
            return withStatusApi(URI.create(chosen));
        } catch (IllegalArgumentException e) {
            throw invalidStatusApi(chosen);
        }
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

    private static void requireHttpUrl(URI endpoint) {
        try {
            StatusApi.at(endpoint).close();
        } catch (InvalidInputException e) {
            throw invalidStatusApi(endpoint.toString());
        }
    }

    private static WebUiException invalidStatusApi(String value) {
        return new WebUiException("invalid " + STATUS_API_VARIABLE + " '" + value + "': expected an http(s) URL or off");
    }
}
