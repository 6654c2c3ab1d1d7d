package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.SessionToken;
import ai.zerog.compute.core.SignedSessionToken;
import java.time.Clock;
import java.util.Optional;

/**
 * Provider-self authentication of the provider-only routes (PROTOCOL.md §3.8): headers
 * {@code Address}, {@code Session-Token} (raw token JSON) and {@code Session-Signature} (hex).
 * The token must be the provider's own, unexpired, and signed by the provider's key.
 */
final class ProviderSelfAuth {
    private final Address provider;
    private final Clock clock;

    ProviderSelfAuth(Address provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /** Returns normally for the provider itself; otherwise a 401 (no usable credentials) or 403 (someone else). */
    void check(Optional<String> addressHeader, Optional<String> tokenHeader, Optional<String> signatureHeader) {
        if (addressHeader.isEmpty() || tokenHeader.isEmpty() || signatureHeader.isEmpty()) {
            throw new ProviderAuthException(401,
                    "provider authentication required: missing Address, Session-Token or Session-Signature header");
        }
        SessionToken token;
        try {
            token = SessionToken.parse(tokenHeader.get());
        } catch (RuntimeException e) {
            throw new ProviderAuthException(401, "invalid session token format");
        }
        String claimed = addressHeader.get().strip();
        if (!token.address().equalsIgnoreCase(claimed) || !claimed.equalsIgnoreCase(provider.hex())
                || !token.provider().equalsIgnoreCase(provider.hex())) {
            throw new ProviderAuthException(403, "only the provider itself may access this resource");
        }
        if (token.expiresAt() <= 0 || clock.instant().getEpochSecond() > token.expiresAt() / 1000) {
            throw new ProviderAuthException(401, "session token expired");
        }
        Optional<Address> signer = new SignedSessionToken(tokenHeader.get(), signatureHeader.get().strip())
                .recoverSigner();
        if (signer.isEmpty() || !signer.get().equals(provider)) {
            throw new ProviderAuthException(401, "signature verification failed: address mismatch");
        }
    }
}
