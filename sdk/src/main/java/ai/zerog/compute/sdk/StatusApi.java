package ai.zerog.compute.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Read-only client of 0G's compute status API (CLI-AND-UI.md §2.5, PROTOCOL.md §4.7): monitoring
 * health per (provider, model) from {@code GET /health} and model metadata from {@code GET /models}.
 * The data is advisory, so every failure (unreachable, timeout after 10 s, not JSON, wrong shape)
 * yields an empty part instead of an exception. Its HTTP client is built on first use.
 */
public final class StatusApi implements AutoCloseable {
    public static final URI MAINNET = URI.create("https://compute-status.0g.ai");
    public static final URI TESTNET = URI.create("https://compute-status-testnet.0g.ai");
    static final long MAINNET_CHAIN_ID = 16661;
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private final URI base;
    private final ProviderClient client = new ProviderClient();
    private final ProviderHttp http = new ProviderHttp(client);

    private StatusApi(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.replaceAll("/+$", "") : text);
    }

    /** The official endpoint for a chain: mainnet's for 16661, the testnet's for every other chain (devnets too). */
    public static URI endpointFor(long chainId) {
        return chainId == MAINNET_CHAIN_ID ? MAINNET : TESTNET;
    }

    /** A client of the status API at {@code base} (e.g. {@link #MAINNET}); must be http or https. */
    public static StatusApi at(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
            throw new InvalidInputException("status API URL '" + base + "' must be an http(s) URL such as " + TESTNET);
        }
        return new StatusApi(base);
    }

    public URI base() {
        return base;
    }

    /** {@code /health} and {@code /models}, fetched concurrently. */
    public StatusSnapshot snapshot() {
        CompletableFuture<Optional<JsonNode>> models = CompletableFuture.supplyAsync(() -> fetch("/models"),
                command -> Thread.ofVirtual().start(command));
        Optional<JsonNode> health = fetch("/health");
        return new StatusSnapshot(health.map(StatusSnapshot::parseHealth).orElse(List.of()),
                models.join().map(StatusSnapshot::parseModels).orElse(Map.of()));
    }

    /** {@code /health} only (enough to rate a provider's models). */
    public StatusSnapshot health() {
        return new StatusSnapshot(fetch("/health").map(StatusSnapshot::parseHealth).orElse(List.of()), Map.of());
    }

    private Optional<JsonNode> fetch(String path) {
        try {
            ProviderHttp.Answer answer = http.get(URI.create(base + path), Map.of("Accept", "application/json"),
                    TIMEOUT, MAX_BYTES);
            return answer.ok() ? Optional.of(Jsons.MAPPER.readTree(answer.body())) : Optional.empty();
        } catch (SdkException | IOException advisoryOnly) {
            return Optional.empty();
        }
    }

    /** Stops the HTTP client's selector thread, if one was started. */
    @Override
    public void close() {
        client.close();
    }
}
