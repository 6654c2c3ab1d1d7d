package ai.zerog.compute.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Client-side minting of session tokens in the official SDK's shapes (PROTOCOL.md §3.1, §3.4).
 * Sign the result with {@link SignedSessionToken#sign}.
 */
public final class SessionTokens {

    /** Length the Node SDK pads its nonce to. */
    public static final int NONCE_LENGTH = 32;
    public static final Duration MAX_EPHEMERAL_VALIDITY = Duration.ofMillis(SessionToken.MAX_EPHEMERAL_DURATION_MS);

    private static final int RANDOM_CHARS = 13; // what Math.random().toString(36).substring(2, 15) yields at most
    private static final RandomGenerator DEFAULT_RANDOM = new SecureRandom();

    private SessionTokens() {}

    /** A Node-SDK style nonce: {@code "<ms>-<13 base-36 chars>"}, right-padded with {@code '0'} to 32 characters. */
    public static String nonce(Clock clock, RandomGenerator random) {
        StringBuilder out = new StringBuilder(NONCE_LENGTH).append(clock.millis()).append('-');
        for (int i = 0; i < RANDOM_CHARS; i++) {
            out.append(Character.forDigit(random.nextInt(36), 36));
        }
        while (out.length() < NONCE_LENGTH) {
            out.append('0');
        }
        return out.toString();
    }

    /**
     * An ephemeral token (tokenId 255) valid for {@code validity} from now: zero or negative means the
     * 24-hour maximum, like the SDK; longer than 24 hours is refused.
     *
     * @param provider the provider address as the caller wrote it (its case is signed as is)
     * @param generation the account's current on-chain generation (0 if it could not be read)
     */
    public static SessionToken ephemeral(Address user, String provider, long generation, Clock clock, Duration validity) {
        return ephemeral(user, provider, generation, clock, validity, DEFAULT_RANDOM);
    }

    static SessionToken ephemeral(
            Address user, String provider, long generation, Clock clock, Duration validity, RandomGenerator random) {
        Objects.requireNonNull(validity, "validity");
        if (validity.compareTo(MAX_EPHEMERAL_VALIDITY) > 0) {
            throw new CoreException("ephemeral token validity cannot exceed 24 hours ("
                    + SessionToken.MAX_EPHEMERAL_DURATION_MS + " ms), got " + validity.toMillis() + " ms");
        }
        long validityMs = validity.isZero() || validity.isNegative() ? SessionToken.MAX_EPHEMERAL_DURATION_MS : validity.toMillis();
        long now = clock.millis();
        return new SessionToken(user.checksummed(), checkedProvider(provider), now, now + validityMs,
                nonce(clock, random), generation, SessionToken.EPHEMERAL_TOKEN_ID);
    }

    /**
     * A persistent API key token with {@code tokenId} 0–254, expiring at {@code expiresAtMs} (Unix ms,
     * in the future) or never when 0. Check beforehand that the id is not revoked on chain: a revoked id
     * yields a key every provider refuses.
     */
    public static SessionToken apiKey(
            Address user, String provider, long generation, int tokenId, long expiresAtMs, Clock clock) {
        return apiKey(user, provider, generation, tokenId, expiresAtMs, clock, DEFAULT_RANDOM);
    }

    static SessionToken apiKey(Address user, String provider, long generation, int tokenId, long expiresAtMs,
            Clock clock, RandomGenerator random) {
        if (tokenId < 0 || tokenId >= SessionToken.EPHEMERAL_TOKEN_ID) {
            throw new CoreException("API key tokenId must be 0..254 (255 is reserved for ephemeral tokens), got " + tokenId);
        }
        long now = clock.millis();
        if (expiresAtMs != 0 && expiresAtMs <= now) {
            throw new CoreException("API key expiry " + expiresAtMs + " ms is not in the future (now " + now
                    + " ms); use 0 for a key that never expires");
        }
        return new SessionToken(user.checksummed(), checkedProvider(provider), now, expiresAtMs,
                nonce(clock, random), generation, tokenId);
    }

    /** Refuses a malformed or mis-checksummed provider address early, but keeps the caller's spelling. */
    private static String checkedProvider(String provider) {
        Address.of(provider);
        return provider;
    }
}
