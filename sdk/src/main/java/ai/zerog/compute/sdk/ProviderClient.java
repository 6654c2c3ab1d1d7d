package ai.zerog.compute.sdk;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client for provider calls, built on first use: building one sets up TLS (the trust
 * store is read), tens of milliseconds that programs using only the ledger or the contracts
 * (a CLI {@code get-account}) should not pay.
 */
final class ProviderClient {
    private HttpClient client;
    private boolean closed;

    synchronized HttpClient get() {
        if (closed) {
            throw new SdkException("the broker is closed");
        }
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        }
        return client;
    }

    /** Stops the client's selector thread, which would otherwise keep a finished program waiting ~0.3 s before the JVM exits. */
    synchronized void close() {
        closed = true;
        if (client != null) {
            client.shutdownNow();
        }
    }
}
