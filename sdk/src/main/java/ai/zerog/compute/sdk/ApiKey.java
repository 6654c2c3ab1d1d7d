package ai.zerog.compute.sdk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A persistent API key (PROTOCOL.md §3.4): {@code tokenId} 0–254, {@code expiresAtMs} Unix
 * milliseconds or 0 for never, and the {@code app-sk-…} secret to send as {@code Authorization: Bearer}.
 * The secret is a bearer credential, so {@link #toString()} leaves it out.
 */
public record ApiKey(int tokenId, long expiresAtMs, String key) {
    public ApiKey {
        Objects.requireNonNull(key, "key");
    }

    /** When the key stops working, or empty if it never expires. */
    public Optional<Instant> expiresAt() {
        return expiresAtMs == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expiresAtMs));
    }

    /** The {@code Authorization} header value. */
    public String authorizationHeader() {
        return "Bearer " + key;
    }

    @Override
    public String toString() {
        return "ApiKey[tokenId=" + tokenId + ", expiresAtMs=" + expiresAtMs + ", key redacted]";
    }
}
