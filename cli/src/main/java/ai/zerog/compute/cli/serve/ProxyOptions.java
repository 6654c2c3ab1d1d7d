package ai.zerog.compute.cli.serve;

import ai.zerog.compute.cli.CliEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The listening and client-facing options {@code serve} and {@code router-serve} share. */
public final class ProxyOptions {
    /** Where the client API key comes from when {@code --api-key} is not given (keeps it out of the process list). */
    public static final String API_KEY_VARIABLE = "ZG_SERVE_API_KEY";

    @Option(names = "--port", paramLabel = "<port>", defaultValue = "3000", description = "Port to listen on (default: \"3000\")")
    int port;

    @Option(names = "--host", paramLabel = "<host>", defaultValue = ProxyConfig.DEFAULT_HOST,
            description = "Interface to bind (default: \"127.0.0.1\", this machine only); any other needs a client API key")
    String host;

    @Option(names = "--api-key", paramLabel = "<key>",
            description = "Key clients must send as 'Authorization: Bearer <key>' (default: env " + API_KEY_VARIABLE + ")")
    String apiKey;

    @Option(names = "--cors-origin", paramLabel = "<origin>",
            description = "Browser origin allowed to call the proxy, repeatable; '*' for any (default: pages on this"
                    + " machine, or any origin when a client API key is set)")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--request-timeout", paramLabel = "<seconds>",
            description = "Per attempt: seconds to wait for a provider's answer, and between its bytes, before trying the"
                    + " next (default: 300 for serve, 60 for router-serve)")
    Long requestTimeoutSeconds;

    public ProxyOptions() {
    }

    String clientApiKey(CliEnvironment environment) {
        String key = apiKey != null ? apiKey : environment.variable(API_KEY_VARIABLE).orElse("");
        return key.strip();
    }

    /** Refuses unsafe exposure and a busy port before any chain work. */
    void checkBeforeStart(CliEnvironment environment) {
        ProxyConfig.checkExposure(host, clientApiKey(environment));
        PortInUse.check(host, port);
    }

    /** The options over {@code config}; {@code defaultTimeout} when {@code --request-timeout} is not given. */
    ProxyConfig applyTo(ProxyConfig config, CliEnvironment environment, Duration defaultTimeout) {
        return config.withHostAndApiKey(host, clientApiKey(environment)).withPort(port).withCorsOrigins(corsOrigins)
                .withRequestTimeout(requestTimeoutSeconds == null ? defaultTimeout : Duration.ofSeconds(requestTimeoutSeconds));
    }
}
