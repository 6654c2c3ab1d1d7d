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
 * Expiry and revocation are checked on every request against the cached account state; what
 * depends on the header alone (its parsing and the signature recovery) is cached per header
 * value, so the steady state does no decoding and no ECDSA work.
 */
final class SessionAuthenticator {
    private static final int MAX_CACHED = 100_000;

    /** A header whose token parsed and whose signature recovered to {@code user}, until {@code until}. */
    private record Verified(SessionToken token, Optional<Address> account, Address user, Instant until) {
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
        String header = authorization.orElse("");
        Instant now = clock.instant();
        Verified hit = verified.get(header);
        if (hit != null && hit.until().isAfter(now)) {
            validator.checkClaims(hit.token());
            validator.checkRevocation(hit.token(), revocationState(hit.account()));
            return hit.user();
        }
        SignedSessionToken signed = SignedSessionToken.fromAuthorizationHeader(header);
        SessionToken token = signed.token();
        validator.checkClaims(token);
        Optional<Address> account = accountAddress(token);
        validator.checkRevocation(token, revocationState(account));
        Address user = validator.verifySignature(signed);
        if (verified.size() >= MAX_CACHED) {
            verified.clear(); // crude bound: a burst of distinct tokens costs one re-verification each
        }
        verified.put(header, new Verified(token, account, user, now.plus(cacheFor)));
        return user;
    }

    /** Empty when the token's address is unusable: its account cannot be read then. */
    private static Optional<Address> accountAddress(SessionToken token) {
        try {
            return Optional.of(Address.of(token.address()));
        } catch (CoreException e) {
            return Optional.empty();
        }
    }

    /** Empty when the account cannot be read: the official broker lets the token pass step 8 then. */
    private Optional<AccountTokenState> revocationState(Optional<Address> address) {
        if (address.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<Account> account = accounts.account(address.get());
            return account.map(a -> new AccountTokenState(a.generation().longValueExact(), a.revokedBitmap()));
        } catch (CoreException | ai.zerog.compute.chain.ChainException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
