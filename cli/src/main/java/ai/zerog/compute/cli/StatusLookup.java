package ai.zerog.compute.cli;

import ai.zerog.compute.sdk.InvalidInputException;
import ai.zerog.compute.sdk.StatusApi;
import ai.zerog.compute.sdk.StatusSnapshot;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where the health and model details of the provider tables come from: the status API of the
 * chain (mainnet's for 16661, the testnet's otherwise, CLI-AND-UI.md §2.5), or {@code ZG_STATUS_API}
 * ({@code off} skips the lookup). The answer is advisory: when it fails the tables say
 * {@code No metrics available}.
 */
final class StatusLookup {
    static final String VARIABLE = "ZG_STATUS_API";

    private StatusLookup() {
    }

    /** The status API to ask, or empty when {@code ZG_STATUS_API=off}. */
    static Optional<URI> endpoint(CliEnvironment environment, long chainId) {
        Optional<String> chosen = environment.variable(VARIABLE).map(String::strip);
        if (chosen.filter("off"::equalsIgnoreCase).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(chosen.map(StatusLookup::parse).orElseGet(() -> StatusApi.endpointFor(chainId)));
    }

    /** {@code /health} and {@code /models}. */
    static StatusSnapshot snapshot(CliEnvironment environment, long chainId) {
        return endpoint(environment, chainId).map(uri -> fetch(uri, true)).orElseGet(StatusSnapshot::empty);
    }

    /**
     * {@code /health} only, fetched in the background while the command reads the provider (the
     * official CLI does the same, so a slow status API does not add its timeout to the command).
     */
    static CompletableFuture<StatusSnapshot> healthInBackground(CliEnvironment environment, long chainId) {
        Optional<URI> endpoint = endpoint(environment, chainId);
        if (endpoint.isEmpty()) {
            return CompletableFuture.completedFuture(StatusSnapshot.empty());
        }
        return CompletableFuture.supplyAsync(() -> fetch(endpoint.get(), false), task -> Thread.ofVirtual().start(task));
    }

    private static StatusSnapshot fetch(URI endpoint, boolean withModels) {
        try (StatusApi api = StatusApi.at(endpoint)) {
            return withModels ? api.snapshot() : api.health();
        }
    }

    private static URI parse(String text) {
        try {
            URI uri = URI.create(text);
            StatusApi.at(uri).close();
            return uri;
        } catch (IllegalArgumentException | InvalidInputException e) {
            throw new CliFailure("invalid " + VARIABLE + " '" + text + "': expected an http(s) URL or off",
                    "Set " + VARIABLE + "=" + StatusApi.TESTNET + " (or off to skip health metrics), or unset it.");
        }
    }
}
