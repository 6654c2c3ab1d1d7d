package ai.zerog.compute.provider;

import ai.zerog.compute.core.ProviderError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link BrokerMetrics} in a Prometheus registry of its own (so two brokers in one JVM never
 * mix), plus the JVM's memory, threads, CPU and uptime. Meters are looked up once per label set
 * and cached, keeping the request path's cost to a map read and a few atomic adds.
 * Fee counters are float64 like every Prometheus sample: exact up to 2^53 neuron (about
 * 0.009 0G) and to 16 significant digits beyond.
 */
final class PrometheusBrokerMetrics implements BrokerMetrics {
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofSeconds(120)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<RequestKey, RequestMeters> requests = new ConcurrentHashMap<>();
    private final Map<UpstreamKey, Timer> upstream = new ConcurrentHashMap<>();
    private final Map<String, Counter> fees = new ConcurrentHashMap<>();
    private final Map<ProviderError, Counter> rejections = new ConcurrentHashMap<>();
    private final Counter roundsRan;
    private final Counter roundsSkipped;
    private final Counter roundsFailed;
    private final Counter settledItems;
    private final Counter partialItems;
    private final Counter failedItems;
    private final Counter settledNeuron;
    private final Counter settlementTransactions;

    PrometheusBrokerMetrics() {
        Gauge.builder("zg.broker.requests.in.flight", inFlight, AtomicInteger::get)
                .description("Billed requests being handled now").register(registry);
        roundsRan = round("ran");
        roundsSkipped = round("skipped");
        roundsFailed = round("failed");
        settledItems = settlementCounter("zg.broker.settlement.settled.items",
                "Settlement items (one user's fees each) the chain settled, partial ones included");
        partialItems = settlementCounter("zg.broker.settlement.partial.items",
                "Settled items where the chain took less than the fee (PARTIAL); the rest stays visible");
        failedItems = settlementCounter("zg.broker.settlement.failed.items",
                "Settlement items that failed; their fees go back to a later round");
        settledNeuron = settlementCounter("zg.broker.settlement.settled.neuron",
                "Fees the chain took in settlement, in neuron (1 0G = 10^18 neuron)");
        settlementTransactions = settlementCounter("zg.broker.settlement.transactions",
                "settleFeesWithTEE transactions sent");
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void requestStarted() {
        inFlight.incrementAndGet();
    }

    @Override
    public void requestFinished(String endpoint, int status, boolean streamed, Duration duration) {
        inFlight.decrementAndGet();
        RequestMeters meters = requests.computeIfAbsent(new RequestKey(endpoint, status, streamed), this::requestMeters);
        meters.count.increment();
        meters.duration.record(duration);
    }

    @Override
    public void upstreamFinished(String endpoint, UpstreamOutcome outcome, Duration duration) {
        upstream.computeIfAbsent(new UpstreamKey(endpoint, outcome), key -> Timer.builder("zg.broker.upstream.duration")
                .description("Upstream calls, from sending until the answer was closed, by outcome")
                .tag("endpoint", key.endpoint())
                .tag("outcome", key.outcome().name().toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)).record(duration);
    }

    @Override
    public void feeRecorded(String endpoint, BigInteger neuron) {
        fees.computeIfAbsent(endpoint, e -> Counter.builder("zg.broker.fees.neuron")
                .description("Fees recorded for answered requests, in neuron (1 0G = 10^18 neuron)")
                .tag("endpoint", e)
                .register(registry)).increment(neuron.doubleValue());
    }

    @Override
    public void rejected(ProviderError reason) {
        rejections.computeIfAbsent(reason, r -> Counter.builder("zg.broker.rejections")
                .description("Requests answered with a catalogued error, by its name")
                .tag("reason", r.name())
                .register(registry)).increment();
    }

    @Override
    public void settlementRound(SettlementReport report) {
        if (report.skipped()) {
            roundsSkipped.increment();
            return;
        }
        roundsRan.increment();
        settlementTransactions.increment(report.transactions());
        settledItems.increment(report.settled());
        partialItems.increment(report.partial());
        failedItems.increment(report.failed());
        settledNeuron.increment(report.settledAmount().doubleValue());
    }

    @Override
    public void settlementRoundFailed() {
        roundsFailed.increment();
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }

    private RequestMeters requestMeters(RequestKey key) {
        String status = Integer.toString(key.status());
        String streamed = Boolean.toString(key.streamed());
        Counter count = Counter.builder("zg.broker.requests")
                .description("Billed requests answered, by endpoint, HTTP status and whether streamed")
                .tags("endpoint", key.endpoint(), "status", status, "streamed", streamed)
                .register(registry);
        Timer duration = Timer.builder("zg.broker.request.duration")
                .description("Time from receiving a billed request's body until its answer ended")
                .tags("endpoint", key.endpoint(), "status", status, "streamed", streamed)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        return new RequestMeters(count, duration);
    }

    private Counter round(String result) {
        return Counter.builder("zg.broker.settlement.rounds")
                .description("Settlement rounds: ran, skipped (another replica holds the lease) or failed")
                .tag("result", result)
                .register(registry);
    }

    private Counter settlementCounter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    private record RequestKey(String endpoint, int status, boolean streamed) {
    }

    private record RequestMeters(Counter count, Timer duration) {
    }

    private record UpstreamKey(String endpoint, UpstreamOutcome outcome) {
    }
}
