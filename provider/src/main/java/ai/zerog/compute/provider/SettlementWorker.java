package ai.zerog.compute.provider;

import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.SettlementDomain;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Settles recorded fees on chain with {@code settleFeesWithTEE} (PROTOCOL.md §1.7, §7.5): every
 * interval, and soon after {@link #requestEarlySettlement} when a user's headroom runs low. One
 * EIP-712 item per user, at most {@link SettlementConfig#maxPerTransaction()} per transaction.
 * Every signed item is stored before it is sent, so after a crash the next round (the first one
 * runs right at {@link #start()}) finds it on chain or sends the same item again: no fee is lost
 * and, since the contract accepts each nonce once, none is charged twice.
 */
public final class SettlementWorker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SettlementWorker.class.getName());

    private final SettlementRound round;
    private final SettlementConfig config;
    private final BrokerMetrics metrics;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("settlement-worker").factory());
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicReference<CompletableFuture<SettlementReport>> early = new AtomicReference<>();
    private boolean started;

    private SettlementWorker(SettlementRound round, SettlementConfig config, BrokerMetrics metrics) {
        this.round = round;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * @param provider         signs the settlement transactions as the provider ({@code msg.sender})
     * @param inferenceServing the InferenceServing proxy address (also the EIP-712 verifying contract)
     * @param chainId          the chain's id, part of the EIP-712 domain
     */
    public static SettlementWorker create(FeeStore store, TransactionSender provider, Address inferenceServing,
                                          TeeSigner signer, long chainId, Clock clock, SettlementConfig config) {
        return create(store, provider, inferenceServing, signer, chainId, clock, config, BrokerMetrics.NONE);
    }

    /** As the overload above, and reports each round to {@code metrics}. */
    public static SettlementWorker create(FeeStore store, TransactionSender provider, Address inferenceServing,
                                          TeeSigner signer, long chainId, Clock clock, SettlementConfig config,
                                          BrokerMetrics metrics) {
        return create(store, provider, inferenceServing, signer, chainId, clock, config, SettlementHooks.NONE, metrics);
    }

    static SettlementWorker create(FeeStore store, TransactionSender provider, Address inferenceServing,
                                   TeeSigner signer, long chainId, Clock clock, SettlementConfig config,
                                   SettlementHooks hooks) {
        return create(store, provider, inferenceServing, signer, chainId, clock, config, hooks, BrokerMetrics.NONE);
    }

    static SettlementWorker create(FeeStore store, TransactionSender provider, Address inferenceServing,
                                   TeeSigner signer, long chainId, Clock clock, SettlementConfig config,
                                   SettlementHooks hooks, BrokerMetrics metrics) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(config, "config");
        SettlementChain chain = new SettlementChain(provider, inferenceServing);
        BatchSigner batchSigner = new BatchSigner(signer, new SettlementDomain(chainId, inferenceServing), chain.provider());
        LandedResultFinder finder = new LandedResultFinder(provider.rpc(), chain.contract(), chain.provider());
        BatchResolver resolver = new BatchResolver(store, chain, finder, clock);
        BatchSubmitter submitter = new BatchSubmitter(store, chain, resolver, clock, hooks);
        return new SettlementWorker(new SettlementRound(store, chain, batchSigner, resolver, submitter, clock, config),
                config, metrics);
    }

    /** Runs one round now, in the calling thread (after any round already running). */
    public SettlementReport runOnce() {
        running.lock();
        try {
            return reported();
        } finally {
            running.unlock();
        }
    }

    /**
     * Asks for a round soon. Requests made before that round starts share it; the future completes
     * with its report. The request path calls this when {@code user}'s headroom runs low.
     */
    public CompletableFuture<SettlementReport> requestEarlySettlement(Address user) {
        Objects.requireNonNull(user, "user");
        while (true) {
            CompletableFuture<SettlementReport> pending = early.get();
            if (pending != null) {
                return pending;
            }
            CompletableFuture<SettlementReport> mine = new CompletableFuture<>();
            if (early.compareAndSet(null, mine)) {
                try {
                    scheduler.execute(() -> runEarly(mine));
                } catch (RuntimeException closed) {
                    early.compareAndSet(mine, null);
                    mine.completeExceptionally(new ProviderException("the settlement worker is closed", closed));
                }
                return mine;
            }
        }
    }

    /** Requests an early round when {@code headroom} (locked balance less unsettled fees) is below the configured bound. */
    public void onHeadroom(Address user, BigInteger headroom) {
        if (headroom.compareTo(config.earlySettlementHeadroom()) < 0) {
            requestEarlySettlement(user);
        }
    }

    /** Runs a round now (recovering whatever an earlier process left open) and then every interval. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        long interval = config.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runLogged, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** Stops the timer and waits for a running round to finish. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.MINUTES)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void runEarly(CompletableFuture<SettlementReport> request) {
        running.lock();
        try {
            // from here on, new requests need a new round: this one may have read the store already
            early.compareAndSet(request, null);
            request.complete(reported());
        } catch (RuntimeException e) {
            request.completeExceptionally(e);
        } finally {
            running.unlock();
        }
    }

    /** Runs the round and tells the metrics how it went. */
    private SettlementReport reported() {
        SettlementReport report;
        try {
            report = round.run();
        } catch (RuntimeException e) {
            metrics.settlementRoundFailed();
            throw e;
        }
        metrics.settlementRound(report);
        return report;
    }

    private void runLogged() {
        try {
            SettlementReport report = runOnce();
            if (!report.didNothing()) {
                LOG.log(System.Logger.Level.INFO, "settlement round: " + report);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "settlement round failed; the next round retries", e);
        }
    }
}
