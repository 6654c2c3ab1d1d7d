package ai.zerog.compute.provider;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.core.AccountTokenState;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.SessionToken;
import ai.zerog.compute.core.SessionTokenValidator;
import ai.zerog.compute.core.SignedSessionToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates {@code Authorization: Bearer app-sk-…} in the official order (PROTOCOL.md §3.6).
 * Expiry and revocation are checked on every request against the cached account state; only
 * the signature recovery is cached (per raw message and signature), so the steady state does
 * no ECDSA work.
 */
final class SessionAuthenticator {
    private static final int MAX_CACHED = 100_000;

    private record Verified(Address user, Instant until) {
    }

    private final SessionTokenValidator validator;
    private final AccountStates accounts;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    SessionAuthenticator(Address provider, AccountStates accounts, Clock clock, Duration cacheFor) {
        this.validator = SessionTokenValidator.create(provider, clock);
        this.accounts = accounts;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    /** The authenticated user, or a {@link ai.zerog.compute.core.SessionTokenException} naming the failed step. */
    Address authenticate(Optional<String> authorization) {
        SignedSessionToken signed = SignedSessionToken.fromAuthorizationHeader(authorization.orElse(""));
        SessionToken token = signed.token();
        validator.checkClaims(token);
        validator.checkRevocation(token, revocationState(token));
        String key = signed.rawMessage() + '|' + signed.signatureHex();
        Instant now = clock.instant();
        Verified hit = verified.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.user();
        }
        Address user = validator.verifySignature(signed);
        if (verified.size() >= MAX_CACHED) {
            verified.clear(); // crude bound: a burst of distinct tokens costs one re-verification each
        }
        verified.put(key, new Verified(user, now.plus(cacheFor)));
        return user;
    }

    /** Empty when the account cannot be read: the official broker lets the token pass step 8 then. */
    private Optional<AccountTokenState> revocationState(SessionToken token) {
        try {
            Optional<Account> account = accounts.account(Address.of(token.address()));
            return account.map(a -> new AccountTokenState(a.generation().longValueExact(), a.revokedBitmap()));
        } catch (CoreException | ai.zerog.compute.chain.ChainException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
