package ai.zerog.compute.provider;

import ai.zerog.compute.core.ProviderError;
import java.util.concurrent.Semaphore;

/** The broker-wide cap on billed requests in flight: beyond it, 503 at once (PROTOCOL.md §4.3). */
final class GlobalInFlightStage implements ProxyHandler {
    private final ProxyHandler next;
    private final Semaphore slots;

    GlobalInFlightStage(ProxyHandler next, int maxInFlight) {
        this.next = next;
        this.slots = new Semaphore(maxInFlight);
    }

    @Override
    public void handle(ProxyExchange exchange) {
        if (!slots.tryAcquire()) {
            throw new BrokerErrorException(ProviderError.SERVER_BUSY).withHeader("Retry-After", "1");
        }
        try {
            next.handle(exchange);
        } finally {
            slots.release();
        }
    }
}
