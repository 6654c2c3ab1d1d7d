package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.SessionToken;
import ai.zerog.compute.core.SessionTokens;
import ai.zerog.compute.core.WalletSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The client-side caches that decide which {@code Authorization} header a request carries
 * (PROTOCOL.md §3.4, §3.7): one ephemeral token per provider, reused while more than an hour is
 * left; the account generation it is minted for (5 min); and the positive "acknowledged" answer
 * (10 min). Time comes from the injected clock only.
 */
final class SessionCache {
    static final Duration TOKEN_VALIDITY = SessionTokens.MAX_EPHEMERAL_VALIDITY;
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofHours(1);
    static final Duration GENERATION_TTL = Duration.ofMinutes(5);
    static final Duration ACKNOWLEDGED_TTL = Duration.ofMinutes(10);

    private record Session(String header, long expiresAtMs) {}

    private record Expiring<T>(T value, long expiresAtMs) {}

    private final WalletSigner wallet;
    private final Clock clock;
    private final Function<Address, Optional<Account>> accounts;
    private final ConcurrentMap<Address, Session> sessions = new ConcurrentHashMap<>();
    private final ConcurrentMap<Address, Expiring<Long>> generations = new ConcurrentHashMap<>();
    private final ConcurrentMap<Address, Long> acknowledgedUntil = new ConcurrentHashMap<>();

    SessionCache(WalletSigner wallet, Clock clock, Function<Address, Optional<Account>> accounts) {
        this.wallet = wallet;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** The Bearer header for {@code provider}; refuses when the account is missing or not acknowledged. */
    String authorizationHeader(Address provider) {
        requireAcknowledged(provider);
        long now = clock.millis();
        Session cached = sessions.get(provider);
        if (cached != null && cached.expiresAtMs() - now > RENEW_BEFORE_EXPIRY.toMillis()) {
            return cached.header();
        }
        return sessions.compute(provider, (key, current) ->
                current != null && current.expiresAtMs() - clock.millis() > RENEW_BEFORE_EXPIRY.toMillis()
                        ? current : mint(key)).header();
    }

    private Session mint(Address provider) {
        SessionToken token = SessionTokens.ephemeral(wallet.address(), provider.checksummed(), generation(provider),
                clock, TOKEN_VALIDITY);
        return new Session(TokenSigning.sign(token, wallet).authorizationHeader(), token.expiresAt());
    }

    private void requireAcknowledged(Address provider) {
        Long until = acknowledgedUntil.get(provider);
        if (until != null && until > clock.millis()) {
            return;
        }
        Optional<Account> account = accounts.apply(provider);
        if (account.isEmpty()) {
            throw new ProviderNotAcknowledgedException(provider, "there is no sub-account with this provider yet");
        }
        remember(account.get());
        if (!account.get().acknowledged()) {
            throw new ProviderNotAcknowledgedException(provider);
        }
        acknowledgedUntil.put(provider, clock.millis() + ACKNOWLEDGED_TTL.toMillis());
    }

    /** The account's generation, cached 5 min; 0 if the account cannot be read, like the SDK. */
    long generation(Address provider) {
        Expiring<Long> cached = generations.get(provider);
        if (cached != null && cached.expiresAtMs() > clock.millis()) {
            return cached.value();
        }
        return accounts.apply(provider).map(this::remember).orElse(0L);
    }

    /** Keeps a freshly read account's generation. */
    long remember(Account account) {
        long generation = account.generation().longValueExact();
        generations.put(account.provider(), new Expiring<>(generation, clock.millis() + GENERATION_TTL.toMillis()));
        return generation;
    }

    /** After {@code revokeAllTokens}: the cached session and generation are both stale. */
    void clearTokens(Address provider) {
        sessions.remove(provider);
        generations.remove(provider);
    }

    /** After an acknowledgement change or a refusal by the provider. */
    void clearAcknowledgement(Address provider) {
        acknowledgedUntil.remove(provider);
    }
}
