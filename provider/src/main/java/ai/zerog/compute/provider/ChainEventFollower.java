package ai.zerog.compute.provider;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceEvent;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.core.Address;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls InferenceServing's logs and drops cached state an event changed: a user's account on
 * BalanceUpdated, RefundRequested, TokenRevoked, TokensRevoked, AllTokensRevoked or
 * AccountDeleted with this provider, and the provider's own service on acknowledgement or
 * service changes.
 */
final class ChainEventFollower implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChainEventFollower.class.getName());

    private final EvmRpc rpc;
    private final InferenceServingContract inference;
    private final Address provider;
    private final AccountStates states;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("chain-events").factory());
    private long nextBlock = -1;

    ChainEventFollower(EvmRpc rpc, InferenceServingContract inference, Address provider, AccountStates states) {
        this.rpc = rpc;
        this.inference = inference;
        this.provider = provider;
        this.states = states;
    }

    void start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the logs of blocks not seen yet and applies them; exposed for tests. */
    void poll() {
        long head = rpc.blockNumber();
        if (nextBlock < 0) {
            nextBlock = head + 1;
            return;
        }
        if (head < nextBlock) {
            return;
        }
        List<InferenceEvent> events = inference.events(rpc.logs(List.of(inference.address()), nextBlock, head));
        events.forEach(this::apply);
        nextBlock = head + 1;
    }

    private void apply(InferenceEvent event) {
        switch (event) {
            case InferenceEvent.BalanceUpdated e -> forUser(e.user(), e.provider());
            case InferenceEvent.RefundRequested e -> forUser(e.user(), e.provider());
            case InferenceEvent.TokenRevoked e -> forUser(e.user(), e.provider());
            case InferenceEvent.TokensRevoked e -> forUser(e.user(), e.provider());
            case InferenceEvent.AllTokensRevoked e -> forUser(e.user(), e.provider());
            case InferenceEvent.AccountDeleted e -> forUser(e.user(), e.provider());
            case InferenceEvent.ProviderTEESignerAcknowledged e -> forService(e.provider());
            case InferenceEvent.ServiceUpdated e -> forService(e.service());
            case InferenceEvent.ServiceRemoved e -> forService(e.service());
            default -> {
            }
        }
    }

    private void forUser(Address user, Address eventProvider) {
        if (eventProvider.equals(provider)) {
            states.invalidate(user);
        }
    }

    private void forService(Address eventProvider) {
        if (eventProvider.equals(provider)) {
            states.invalidateService();
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // the cache TTL still bounds staleness; try again next tick
            LOG.log(Level.WARNING, "reading chain events failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
