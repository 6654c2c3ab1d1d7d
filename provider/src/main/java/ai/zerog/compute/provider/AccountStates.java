package ai.zerog.compute.provider;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.ContractRevertException;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users' sub-accounts with this provider and this provider's own service, read from chain and
 * cached. Entries expire after {@code ttl} and are dropped early by {@link ChainEventFollower}
 * when an event touches them, so a top-up or a revocation is seen within seconds.
 */
final class AccountStates {
    private record Entry<T>(Optional<T> value, Instant readAt) {
    }

    private final InferenceServingContract inference;
    private final Address provider;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Address, Entry<Account>> accounts = new ConcurrentHashMap<>();
    private volatile Entry<Service> service;

    AccountStates(InferenceServingContract inference, Address provider, Clock clock, Duration ttl) {
        this.inference = inference;
        this.provider = provider;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The user's sub-account, from cache when fresh; empty when it does not exist on chain. */
    Optional<Account> account(Address user) {
        Entry<Account> entry = accounts.get(user);
        if (entry != null && fresh(entry)) {
            return entry.value();
        }
        return refresh(user);
    }

    /** Reads the sub-account from chain now. */
    Optional<Account> refresh(Address user) {
        Optional<Account> value;
        try {
            value = Optional.of(inference.getAccount(user, provider));
        } catch (ContractRevertException e) {
            if (!e.errorName().equals("AccountNotExists")) {
                throw e;
            }
            value = Optional.empty();
        }
        accounts.put(user, new Entry<>(value, clock.instant()));
        return value;
    }

    void invalidate(Address user) {
        accounts.remove(user);
    }

    /** This provider's service as registered on chain; empty when not registered. */
    Optional<Service> service() {
        Entry<Service> entry = service;
        if (entry != null && fresh(entry)) {
            return entry.value();
        }
        Optional<Service> value;
        try {
            value = Optional.of(inference.getService(provider));
        } catch (ContractRevertException e) {
            if (!e.errorName().equals("ServiceNotExist")) {
                throw e;
            }
            value = Optional.empty();
        }
        service = new Entry<>(value, clock.instant());
        return value;
    }

    void invalidateService() {
        service = null;
    }

    private boolean fresh(Entry<?> entry) {
        return entry.readAt().plus(ttl).isAfter(clock.instant());
    }
}
