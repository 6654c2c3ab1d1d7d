package ai.zerog.compute.cli.serve;

import java.util.Objects;
import java.util.Optional;

/**
 * One target as the proxy sees it now: {@code available} is false for a while after it failed
 * (connection error, timeout, 5xx, 429); {@code lastError} is the most recent failure.
 */
public record TargetStatus(String id, String kind, String url, String model, int priority, boolean available,
                           Optional<String> lastError) {
    public TargetStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(lastError, "lastError");
    }
}
