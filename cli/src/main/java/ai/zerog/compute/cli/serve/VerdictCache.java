package ai.zerog.compute.cli.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Recent verdicts by chat id, for {@code POST /v1/verify}; bounded in count and age. */
final class VerdictCache {
    static final int MAX_ENTRIES = 10_000;

    private record Kept(Verdict verdict, Instant expiresAt) {}

    private final Duration retention;
    private final Clock clock;
    private final Map<String, Kept> entries = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    VerdictCache(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    synchronized void put(Verdict verdict) {
        verdict.chatId().ifPresent(id -> entries.put(id.toLowerCase(Locale.ROOT),
                new Kept(verdict, clock.instant().plus(retention))));
    }

    synchronized Optional<Verdict> get(String chatId) {
        Kept entry = entries.get(chatId.toLowerCase(Locale.ROOT));
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.verdict());
    }
}
