package ai.zerog.compute.web;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ServiceHealth;
import ai.zerog.compute.sdk.StatusApi;
import ai.zerog.compute.sdk.StatusSnapshot;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The status API's {@code /health} for the catalogue (CLI-AND-UI.md §9.5): fetched at most once
 * per {@link #FRESH_FOR}, in the background, and waited for at most {@link #WAIT}, so neither many
 * page loads nor a slow status API slow the catalogue down. The figures are advisory: a failed
 * fetch is remembered like a successful one and simply means nothing to show.
 */
final class StatusBoard implements AutoCloseable {
    static final Duration FRESH_FOR = Duration.ofSeconds(45);
    static final Duration WAIT = Duration.ofSeconds(2);

    /** What the catalogue can say about monitoring right now. */
    enum State {
        /** No status API configured ({@code ZG_STATUS_API=off}). */
        OFF,
        /** Configured, but it did not answer (in time) or monitors nothing. */
        UNAVAILABLE,
        OK
    }

    record Reading(State state, StatusSnapshot snapshot) {
        static Reading of(StatusSnapshot snapshot) {
            return new Reading(snapshot.health().isEmpty() ? State.UNAVAILABLE : State.OK, snapshot);
        }
    }

    private record Fetched(StatusSnapshot snapshot, Instant at) {
    }

    private final Optional<StatusApi> api;
    private final InstantSource clock;
    private final Duration wait;
    private volatile Fetched last;
    private CompletableFuture<StatusSnapshot> inFlight = CompletableFuture.completedFuture(StatusSnapshot.empty());

    StatusBoard(Optional<URI> endpoint, InstantSource clock, Duration wait) {
        this.api = endpoint.map(StatusApi::at);
        this.clock = clock;
        this.wait = wait;
    }

    static StatusBoard create(Optional<URI> endpoint) {
        return new StatusBoard(endpoint, InstantSource.system(), WAIT);
    }

    Optional<URI> endpoint() {
        return api.map(StatusApi::base);
    }

    /** The cached health when fresh; otherwise a new fetch, waited for briefly, else the stale one. */
    Reading current() {
        if (api.isEmpty()) {
            return new Reading(State.OFF, StatusSnapshot.empty());
        }
        Fetched cached = last;
        if (cached != null && clock.instant().isBefore(cached.at().plus(FRESH_FOR))) {
            return Reading.of(cached.snapshot());
        }
        try {
            return Reading.of(refresh().get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException slow) {
            return cached == null ? new Reading(State.UNAVAILABLE, StatusSnapshot.empty()) : Reading.of(cached.snapshot());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reading(State.UNAVAILABLE, StatusSnapshot.empty());
        }
    }

    /** One fetch at a time: page loads during a slow fetch wait on the same one. */
    private synchronized CompletableFuture<StatusSnapshot> refresh() {
        if (inFlight.isDone()) {
            inFlight = CompletableFuture.supplyAsync(this::fetch, task -> Thread.ofVirtual().name("status-api").start(task));
        }
        return inFlight;
    }

    private StatusSnapshot fetch() {
        StatusSnapshot snapshot;
        try {
            snapshot = api.orElseThrow().health();
        } catch (RuntimeException advisoryOnly) {
            snapshot = StatusSnapshot.empty();
        }
        last = new Fetched(snapshot, clock.instant());
        return snapshot;
    }

    /**
     * The entry for a provider's model as the official catalogue matches it: the same model name
     * (case aside), else one whose name contains the other.
     */
    static Optional<ServiceHealth> healthOf(StatusSnapshot snapshot, Address provider, String model) {
        List<ServiceHealth> own = snapshot.health().stream().filter(h -> h.provider().equals(provider)).toList();
        String wanted = model.toLowerCase(Locale.ROOT);
        if (own.isEmpty() || wanted.isEmpty()) {
            return Optional.empty();
        }
        return own.stream().filter(h -> h.model().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .or(() -> own.stream().filter(h -> {
                    String named = h.model().toLowerCase(Locale.ROOT);
                    return !named.isEmpty() && (named.contains(wanted) || wanted.contains(named));
                }).findFirst());
    }

    @Override
    public void close() {
        api.ifPresent(StatusApi::close);
    }
}
