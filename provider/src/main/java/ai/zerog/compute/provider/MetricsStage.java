package ai.zerog.compute.provider;

import ai.zerog.compute.core.SessionTokenException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The outermost stage: reports each billed request to {@link BrokerMetrics} once it has left
 * the stages, with the status it got (a stage's error as the routes will render it), whether it
 * streamed, how long it took and the fee it was charged. Refusals by reason are counted where
 * errors are rendered, in {@link ProviderRoutes}.
 */
final class MetricsStage implements ProxyHandler {
    private final ProxyHandler next;
    private final BrokerMetrics metrics;
    private final LongSupplier nanoTime;

    MetricsStage(ProxyHandler next, BrokerMetrics metrics, LongSupplier nanoTime) {
        this.next = next;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    @Override
    public void handle(ProxyExchange exchange) {
        long start = nanoTime.getAsLong();
        metrics.requestStarted();
        int status = 500;
        try {
            next.handle(exchange);
            status = exchange.response().status().code();
        } catch (BrokerErrorException e) {
            status = e.status();
            throw e;
        } catch (SessionTokenException e) {
            status = e.error().httpStatus();
            throw e;
        } finally {
            if (exchange.response().isSent()) {
                status = exchange.response().status().code(); // a stream that failed midway kept its 200
            }
            String endpoint = exchange.endpoint().path().substring(1);
            exchange.charged().ifPresent(fee -> metrics.feeRecorded(endpoint, fee.total()));
            metrics.requestFinished(endpoint, status, exchange.streamed(), Duration.ofNanos(nanoTime.getAsLong() - start));
        }
    }
}
