package ai.zerog.compute.cli.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The targets in priority order, and which of them failed recently. A failed target is tried
 * after the available ones until {@code retryAfter} has passed, so a request still reaches it
 * when everything else is down.
 */
final class TargetPool {
    private record Failure(Instant at, String reason) {}

    private final List<Upstream> byPriority;
    private final Duration retryAfter;
    private final Clock clock;
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    TargetPool(List<Upstream> upstreams, Duration retryAfter, Clock clock) {
        List<Upstream> sorted = new ArrayList<>(upstreams);
        sorted.sort(Comparator.comparingInt(u -> u.target().priority())); // stable: equal priorities keep their order
        this.byPriority = List.copyOf(sorted);
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    /**
     * The order to try for a request of {@code serviceType} naming {@code model}: the targets of that
     * type (direct endpoints count as any type), of those the ones serving that model, available ones
     * first. A filter that would leave nothing is skipped, so the provider's own error comes back.
     */
    List<Upstream> candidates(String serviceType, Optional<String> model) {
        List<Upstream> typed = narrowed(byPriority,
                u -> u.serviceType().equals(serviceType) || u.serviceType().equals(Upstream.ANY_TYPE));
        List<Upstream> serving = model.map(m -> narrowed(typed, u -> u.model().equals(m))).orElse(typed);
        List<Upstream> ordered = new ArrayList<>(serving.stream().filter(this::available).toList());
        serving.stream().filter(u -> !available(u)).forEach(ordered::add);
        return ordered;
    }

    private static List<Upstream> narrowed(List<Upstream> from, java.util.function.Predicate<Upstream> keep) {
        List<Upstream> kept = from.stream().filter(keep).toList();
        return kept.isEmpty() ? from : kept;
    }

    List<Upstream> all() {
        return byPriority;
    }

    void failed(Upstream upstream, String reason) {
        failures.put(upstream.id(), new Failure(clock.instant(), reason));
    }

    void succeeded(Upstream upstream) {
        failures.remove(upstream.id());
    }

    boolean available(Upstream upstream) {
        Failure failure = failures.get(upstream.id());
        return failure == null || !clock.instant().isBefore(failure.at().plus(retryAfter));
    }

    List<TargetStatus> status() {
        return byPriority.stream().map(u -> new TargetStatus(u.id(), u.kind(), u.base().toString(), u.model(),
                u.target().priority(), available(u),
                Optional.ofNullable(failures.get(u.id())).map(Failure::reason))).toList();
    }
}
