package ai.zerog.compute.cli.serve;

import ai.zerog.compute.cli.CliFailure;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link LocalProxy} runs. Validated here, frozen once started.
 *
 * @param host                  interface to bind; anything but loopback needs {@code clientApiKey}
 * @param port                  TCP port, 0 for any free one
 * @param targets               providers and endpoints, tried by priority
 * @param clientApiKey          the key clients must send as {@code Authorization: Bearer <key>}; empty for none
 * @param corsOrigins           browser origins allowed to call the proxy ({@code *} for any); empty means pages
 *                              on this machine only ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}), or
 *                              any origin when a client API key is set
 * @param requestTimeout        per attempt: the wait for the answer's headers and, after that, between bytes
 * @param retryUnavailableAfter how long a target that failed is skipped while others are available
 * @param verdictRetention      how long verification verdicts stay answerable at {@code POST /v1/verify}
 * @param overwriteModel        replace the request's {@code model} with the chosen target's (router-serve) rather
 *                              than only filling it in when absent (serve)
 * @param maxBodyBytes          the largest request body accepted (413 above)
 */
public record ProxyConfig(String host, int port, List<ProxyTarget> targets, String clientApiKey,
                          List<String> corsOrigins, Duration requestTimeout, Duration retryUnavailableAfter,
                          Duration verdictRetention, boolean overwriteModel, int maxBodyBytes) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3000;
    /** A whole non-streamed answer may take minutes to generate before its headers come (the SDK waits 5 min). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_RETRY_UNAVAILABLE_AFTER = Duration.ofSeconds(60);
    public static final Duration DEFAULT_VERDICT_RETENTION = Duration.ofMinutes(10);
    /** The official broker's body cap (PROTOCOL.md §4.3). */
    public static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

    public ProxyConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clientApiKey, "clientApiKey");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryUnavailableAfter, "retryUnavailableAfter");
        Objects.requireNonNull(verdictRetention, "verdictRetention");
        targets = List.copyOf(targets);
        corsOrigins = List.copyOf(corsOrigins);
        if (targets.isEmpty()) {
            throw new CliFailure("no provider to serve",
                    "Pass --provider <address> (see `0g-compute-cli inference list-providers`) or --model <model>");
        }
        if (port < 0 || port > 65535) {
            throw new CliFailure("port " + port + " is not a TCP port (0-65535)", "Pass --port 3000, for example");
        }
        if (requestTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new CliFailure("request timeout " + requestTimeout + " is below 1 s", "Pass --request-timeout 60");
        }
        if (maxBodyBytes < 1024) {
            throw new CliFailure("maxBodyBytes " + maxBodyBytes + " is below 1024", "Use the default (32 MB)");
        }
        checkExposure(host, clientApiKey);
    }

    /**
     * Refuses a client key that is too weak, and a host other than loopback without a key: anyone
     * who can connect could otherwise spend the wallet's funds. Commands call it before chain work.
     */
    public static void checkExposure(String host, String clientApiKey) {
        if (!clientApiKey.isEmpty() && (clientApiKey.length() < 8 || !clientApiKey.chars().allMatch(c -> c > 32 && c < 127))) {
            throw new CliFailure("the client API key must be at least 8 printable characters without spaces",
                    "Generate one, e.g. ZG_SERVE_API_KEY=$(openssl rand -hex 24)");
        }
        if (clientApiKey.isEmpty() && !isLoopback(host)) {
            throw new CliFailure("--host " + host + " makes the proxy reachable from other machines, which would spend"
                    + " your funds for anyone who can connect, so it needs a client API key",
                    "Set ZG_SERVE_API_KEY=<secret> (or --api-key <secret>) and send it as `Authorization: Bearer <secret>`,"
                            + " or keep the default --host 127.0.0.1");
        }
    }

    /** Defaults around {@code targets}: 127.0.0.1:3000, no client key, pages on this machine only, 5 min timeouts. */
    public static ProxyConfig of(List<ProxyTarget> targets) {
        return new ProxyConfig(DEFAULT_HOST, DEFAULT_PORT, targets, "", List.of(), DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_RETRY_UNAVAILABLE_AFTER, DEFAULT_VERDICT_RETENTION, false, DEFAULT_MAX_BODY_BYTES);
    }

    public ProxyConfig withHost(String value) {
        return new ProxyConfig(value, port, targets, clientApiKey, corsOrigins, requestTimeout, retryUnavailableAfter,
                verdictRetention, overwriteModel, maxBodyBytes);
    }

    public ProxyConfig withPort(int value) {
        return new ProxyConfig(host, value, targets, clientApiKey, corsOrigins, requestTimeout, retryUnavailableAfter,
                verdictRetention, overwriteModel, maxBodyBytes);
    }

    /** {@code host} and {@code apiKey} together, since a non-loopback host is refused without a key. */
    public ProxyConfig withHostAndApiKey(String hostValue, String apiKey) {
        return new ProxyConfig(hostValue, port, targets, apiKey, corsOrigins, requestTimeout, retryUnavailableAfter,
                verdictRetention, overwriteModel, maxBodyBytes);
    }

    public ProxyConfig withClientApiKey(String value) {
        return withHostAndApiKey(host, value);
    }

    public ProxyConfig withCorsOrigins(List<String> value) {
        return new ProxyConfig(host, port, targets, clientApiKey, value, requestTimeout, retryUnavailableAfter,
                verdictRetention, overwriteModel, maxBodyBytes);
    }

    public ProxyConfig withRequestTimeout(Duration value) {
        return new ProxyConfig(host, port, targets, clientApiKey, corsOrigins, value, retryUnavailableAfter,
                verdictRetention, overwriteModel, maxBodyBytes);
    }

    public ProxyConfig withRetryUnavailableAfter(Duration value) {
        return new ProxyConfig(host, port, targets, clientApiKey, corsOrigins, requestTimeout, value,
                verdictRetention, overwriteModel, maxBodyBytes);
    }

    public ProxyConfig withVerdictRetention(Duration value) {
        return new ProxyConfig(host, port, targets, clientApiKey, corsOrigins, requestTimeout, retryUnavailableAfter,
                value, overwriteModel, maxBodyBytes);
    }

    public ProxyConfig withOverwriteModel(boolean value) {
        return new ProxyConfig(host, port, targets, clientApiKey, corsOrigins, requestTimeout, retryUnavailableAfter,
                verdictRetention, value, maxBodyBytes);
    }

    public ProxyConfig withMaxBodyBytes(int value) {
        return new ProxyConfig(host, port, targets, clientApiKey, corsOrigins, requestTimeout, retryUnavailableAfter,
                verdictRetention, overwriteModel, value);
    }

    public boolean requiresClientApiKey() {
        return !clientApiKey.isEmpty();
    }

    /** Whether {@code host} names this machine only (127.0.0.0/8, ::1, localhost). */
    static boolean isLoopback(String host) {
        try {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new CliFailure("--host " + host + " is not an address of this machine: " + e.getMessage(),
                    "Use --host 127.0.0.1 (default) or an interface address");
        }
    }

    @Override
    public String toString() {
        return "ProxyConfig[host=" + host + ", port=" + port + ", targets=" + targets + ", clientApiKey="
                + (clientApiKey.isEmpty() ? "none" : "***") + ", corsOrigins=" + corsOrigins + ", requestTimeout="
                + requestTimeout + ", retryUnavailableAfter=" + retryUnavailableAfter + ", verdictRetention="
                + verdictRetention + ", overwriteModel=" + overwriteModel + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
