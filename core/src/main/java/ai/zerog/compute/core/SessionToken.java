package ai.zerog.compute.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The session-token object a user signs (PROTOCOL.md §3.1). Fields keep the exact strings and
 * numbers of the wire form; {@code address} and {@code provider} are not normalised because their
 * case is part of the signed bytes. Times are Unix milliseconds; {@code expiresAt == 0} means never.
 *
 * <p>A broker must verify the signature over the JSON text it received, not over {@link #toJson()}:
 * the client may have ordered or spaced the keys differently. {@link SignedSessionToken} keeps that text.
 */
public record SessionToken(
        String address, String provider, long timestamp, long expiresAt, String nonce, long generation, int tokenId) {

    /** {@code tokenId} of an ephemeral token; persistent API keys use 0–254. */
    public static final int EPHEMERAL_TOKEN_ID = 255;
    /** Longest allowed life of an ephemeral token: 24 hours. */
    public static final long MAX_EPHEMERAL_DURATION_MS = 86_400_000L;

    // Wire key order of §3.1; toJson follows it, parse accepts any order.
    private static final List<String> KEYS =
            List.of("address", "provider", "timestamp", "expiresAt", "nonce", "generation", "tokenId");
    private static final Set<String> KEY_SET = Set.copyOf(KEYS);

    public SessionToken {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(nonce, "nonce");
        if (generation < 0) {
            throw new CoreException("session token generation must not be negative, got " + generation);
        }
        if (tokenId < 0 || tokenId > EPHEMERAL_TOKEN_ID) {
            throw new CoreException("session token tokenId must be 0..255, got " + tokenId);
        }
    }

    /**
     * Parses token JSON as received: keys in any order and JSON whitespace are accepted; a missing,
     * unknown or duplicate key, a value of the wrong type, a non-integer or out-of-range number is
     * refused with {@link ProviderError#TOKEN_INVALID_FORMAT}.
     */
    public static SessionToken parse(String rawJson) {
        Map<String, Object> members;
        try {
            members = Json.parseFlatObject(rawJson);
        } catch (CoreException e) {
            throw new SessionTokenException(ProviderError.TOKEN_INVALID_FORMAT, e.getMessage());
        }
        for (String key : members.keySet()) {
            if (!KEY_SET.contains(key)) {
                throw invalid("unknown key \"" + key + "\"");
            }
        }
        return new SessionToken(
                string(members, "address"),
                string(members, "provider"),
                integer(members, "timestamp", Long.MIN_VALUE, Long.MAX_VALUE),
                integer(members, "expiresAt", Long.MIN_VALUE, Long.MAX_VALUE),
                string(members, "nonce"),
                integer(members, "generation", 0, Long.MAX_VALUE),
                (int) integer(members, "tokenId", 0, EPHEMERAL_TOKEN_ID));
    }

    /** Exactly what JavaScript {@code JSON.stringify} prints for this object: §3.1 key order, no whitespace. */
    public String toJson() {
        return "{\"address\":" + Json.quote(address)
                + ",\"provider\":" + Json.quote(provider)
                + ",\"timestamp\":" + timestamp
                + ",\"expiresAt\":" + expiresAt
                + ",\"nonce\":" + Json.quote(nonce)
                + ",\"generation\":" + generation
                + ",\"tokenId\":" + tokenId
                + "}";
    }

    public boolean isEphemeral() {
        return tokenId == EPHEMERAL_TOKEN_ID;
    }

    /** {@code expiresAt == 0}: a persistent key that never expires. */
    public boolean neverExpires() {
        return expiresAt == 0;
    }

    /**
     * The claimed user as an {@link Address}, read case-insensitively like the official broker does
     * (no EIP-55 check), or empty if {@code address} is not {@code 0x} + 40 hex digits. A broker uses
     * it to look up the account before the signature is checked; the signature check still compares
     * the raw string.
     */
    public Optional<Address> claimedUser() {
        String text = address.toLowerCase(java.util.Locale.ROOT);
        if (text.length() != 2 + 2 * Address.LENGTH || !text.startsWith("0x") || !Hex.isHexDigits(text, 2)) {
            return Optional.empty();
        }
        return Optional.of(Address.of(text));
    }

    private static String string(Map<String, Object> members, String key) {
        Object value = present(members, key);
        if (value instanceof String text) {
            return text;
        }
        throw invalid("\"" + key + "\" must be a string, got " + describe(value));
    }

    private static long integer(Map<String, Object> members, String key, long min, long max) {
        Object value = present(members, key);
        if (value instanceof BigDecimal) {
            throw invalid("\"" + key + "\" must be an integer, got " + value);
        }
        if (!(value instanceof BigInteger number)) {
            throw invalid("\"" + key + "\" must be a number, got " + describe(value));
        }
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw invalid("\"" + key + "\" " + number + " is out of range " + min + ".." + max);
        }
        return number.longValueExact();
    }

    private static Object present(Map<String, Object> members, String key) {
        Object value = members.get(key);
        if (value == null) {
            throw invalid("missing key \"" + key + "\"");
        }
        return value;
    }

    private static String describe(Object value) {
        return switch (value) {
            case String s -> "a string";
            case Boolean b -> b.toString();
            default -> value == Json.NULL ? "null" : "a number";
        };
    }

    private static SessionTokenException invalid(String detail) {
        return new SessionTokenException(ProviderError.TOKEN_INVALID_FORMAT, detail);
    }
}
