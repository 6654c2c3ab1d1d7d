package ai.zerog.compute.core;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider's check of a session token (PROTOCOL.md §3.6 steps 4–8 and 10), pure and clock-driven.
 * Steps 1–3 are {@link SignedSessionToken#fromAuthorizationHeader}; step 9, the cache of verified
 * signatures, belongs to the broker: it runs {@link #checkClaims} and {@link #checkRevocation} on every
 * request (expiry and revocation can change) and may cache only {@link #verifySignature}.
 */
public final class SessionTokenValidator {

    private final Address provider;
    private final Clock clock;

    private SessionTokenValidator(Address provider, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A validator for tokens addressed to {@code provider}, reading the time from {@code clock}. */
    public static SessionTokenValidator create(Address provider, Clock clock) {
        return new SessionTokenValidator(provider, clock);
    }

    /**
     * All steps in the official order: parse (4), claims (5–7), revocation (8), signature (10).
     *
     * @param account the sub-account's revocation state, or empty when it could not be read (step 8 then passes)
     * @return the authenticated user
     * @throws SessionTokenException with the catalogue entry of the first failed step
     */
    public Address validate(SignedSessionToken signed, Optional<AccountTokenState> account) {
        SessionToken token = signed.token();
        checkClaims(token);
        checkRevocation(token, account);
        return verifySignature(signed);
    }

    /** Steps 5–7: addressed to this provider, ephemeral-token rules, not expired. */
    public void checkClaims(SessionToken token) {
        if (!token.provider().equalsIgnoreCase(provider.hex())) {
            throw new SessionTokenException(ProviderError.TOKEN_WRONG_PROVIDER);
        }
        if (token.isEphemeral()) {
            if (token.neverExpires()) {
                throw new SessionTokenException(ProviderError.TOKEN_EPHEMERAL_WITHOUT_EXPIRY);
            }
            // Math.subtractExact: absurd timestamps must fail, not wrap around into a short duration.
            if (durationMs(token) > SessionToken.MAX_EPHEMERAL_DURATION_MS) {
                throw new SessionTokenException(ProviderError.TOKEN_EPHEMERAL_TOO_LONG);
            }
        }
        // Whole seconds, as the official broker compares: valid through the second containing expiresAt.
        // Unlike the official broker (which only checks expiresAt > 0) a negative expiresAt counts as
        // long expired, so a crafted token cannot dodge both the ephemeral limit and the expiry check.
        if (!token.neverExpires() && clock.instant().getEpochSecond() > Math.floorDiv(token.expiresAt(), 1000)) {
            throw new SessionTokenException(ProviderError.TOKEN_EXPIRED);
        }
    }

    /** Step 8: same generation as the account, and for API keys (0–254) the revocation bit clear. */
    public void checkRevocation(SessionToken token, Optional<AccountTokenState> account) {
        if (account.isEmpty()) {
            return; // the official broker lets the token through when the account cannot be read
        }
        AccountTokenState state = account.get();
        if (token.generation() < state.generation()) {
            throw new SessionTokenException(ProviderError.TOKEN_GENERATION_REVOKED);
        }
        if (token.generation() > state.generation()) {
            throw new SessionTokenException(ProviderError.TOKEN_FUTURE_GENERATION);
        }
        if (!token.isEphemeral() && state.isRevoked(token.tokenId())) {
            throw new SessionTokenException(ProviderError.TOKEN_REVOKED);
        }
    }

    /**
     * Steps 4 and 10: recovers the signer of the raw message and requires it to be {@code token.address}
     * (case-insensitively). The result depends only on {@code signed}, so a broker may cache it.
     */
    public Address verifySignature(SignedSessionToken signed) {
        SessionToken token = signed.token();
        Address signer = signed.recoverOrThrow();
        if (!signer.hex().equalsIgnoreCase(token.address())) {
            throw new SessionTokenException(ProviderError.TOKEN_SIGNATURE_MISMATCH);
        }
        return signer;
    }

    private static long durationMs(SessionToken token) {
        try {
            return Math.subtractExact(token.expiresAt(), token.timestamp());
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
