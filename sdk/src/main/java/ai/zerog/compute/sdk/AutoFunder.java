package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background top-ups of provider sub-accounts (PROTOCOL.md §7.6). One check: ask the provider for
 * the unsettled fee (the cached estimate if it cannot say), require {@code unsettled + buffer}
 * locked, and transfer {@code max(required − locked, minTransfer)} when short. Checks run on virtual
 * threads off the request path; failures are logged, never thrown.
 */
final class AutoFunder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AutoFunder.class.getName());

    /** What one check needs from the broker. */
    record Parts(Function<Address, Optional<BigInteger>> unsettledFee, Function<Address, Optional<Account>> account,
                 BiConsumer<Address, BigInteger> transfer, CachedFees cachedFees) {}

    /** What a check did, for tests and logs. */
    record Outcome(BigInteger unsettled, BigInteger required, BigInteger locked, BigInteger transferred) {}

    private record Job(AutoFundingConfig config, ScheduledFuture<?> future, AtomicBoolean running) {}

    private final Parts parts;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("zg-auto-funding-timer").factory());
    private final ExecutorService checks = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("zg-auto-funding-", 0).factory());
    private final ConcurrentMap<Address, Job> jobs = new ConcurrentHashMap<>();

    AutoFunder(Parts parts) {
        this.parts = parts;
    }

    /**
     * Starts (or restarts with a new config) checks for {@code provider}: one now on the caller's
     * thread, then every interval. The first check is not left to the timer because a fresh
     * sub-account holds only the minimum a provider demands, so the second request sent right after
     * start would be refused for insufficient balance until that top-up landed.
     */
    void start(Address provider, AutoFundingConfig config) {
        stop(provider);
        checkQuietly(provider, config);
        schedule(provider, config);
    }

    private synchronized void schedule(Address provider, AutoFundingConfig config) {
        stop(provider);
        AtomicBoolean running = new AtomicBoolean();
        long interval = config.interval().toMillis();
        ScheduledFuture<?> future = timer.scheduleWithFixedDelay(() -> trigger(provider, config, running),
                interval, interval, TimeUnit.MILLISECONDS);
        jobs.put(provider, new Job(config, future, running));
    }

    synchronized void stop(Address provider) {
        Job job = jobs.remove(provider);
        if (job != null) {
            job.future().cancel(false);
        }
    }

    boolean isRunning(Address provider) {
        return jobs.containsKey(provider);
    }

    Optional<AutoFundingConfig> config(Address provider) {
        return Optional.ofNullable(jobs.get(provider)).map(Job::config);
    }

    /** A slow check (a transaction) must not pile up behind the timer: skip a tick while one runs. */
    private void trigger(Address provider, AutoFundingConfig config, AtomicBoolean running) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        checks.execute(() -> {
            try {
                checkQuietly(provider, config);
            } finally {
                running.set(false);
            }
        });
    }

    Optional<Outcome> checkQuietly(Address provider, AutoFundingConfig config) {
        try {
            return Optional.of(check(provider, config));
        } catch (RuntimeException e) {
            String hint = e instanceof InsufficientLedgerBalanceException
                    ? " (deposit more into the ledger: `0g-compute-cli deposit --amount <0G>`)" : "";
            LOG.log(Level.WARNING, "auto-funding of provider " + provider.checksummed() + " failed" + hint + ": "
                    + e.getMessage(), e);
            return Optional.empty();
        }
    }

    /** One check; throws what the transfer throws. */
    Outcome check(Address provider, AutoFundingConfig config) {
        CachedFees cached = parts.cachedFees();
        Optional<BigInteger> reported = parts.unsettledFee().apply(provider);
        reported.ifPresent(fee -> cached.set(provider, fee));
        BigInteger unsettled = reported.orElseGet(() -> cached.get(provider));
        BigInteger required = unsettled.add(config.buffer());
        BigInteger locked = parts.account().apply(provider).map(Account::usableBalance).orElse(BigInteger.ZERO);
        if (locked.compareTo(required) >= 0) {
            return new Outcome(unsettled, required, locked, BigInteger.ZERO);
        }
        BigInteger amount = required.subtract(locked).max(config.minTransfer());
        parts.transfer().accept(provider, amount);
        cached.set(provider, BigInteger.ZERO);
        LOG.info(() -> "auto-funding moved " + Units.formatOg(amount) + " 0G to provider " + provider.checksummed()
                + " (locked " + Units.formatOg(locked) + " 0G, required " + Units.formatOg(required) + " 0G)");
        return new Outcome(unsettled, required, locked, amount);
    }

    @Override
    public synchronized void close() {
        jobs.keySet().forEach(this::stop);
        timer.shutdownNow();
        checks.shutdown();
    }
}
