package ai.zerog.compute.provider;

import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.core.FeeCalculator;
import ai.zerog.compute.core.ServicePrices;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The provider broker's HTTP server. The billed request path is composed here, once:
 * metrics → in-flight cap → auth → per-user limits → account and balance → upstream, fee and
 * signature (the upstream itself metered).
 */
public final class ProviderServer implements AutoCloseable {
    private final WebServer server;
    private final ChainEventFollower events;
    private final ScheduledExecutorService housekeeping;
    private final ProviderConfig config;

    private ProviderServer(WebServer server, ChainEventFollower events, ScheduledExecutorService housekeeping,
                           ProviderConfig config) {
        this.server = server;
        this.events = events;
        this.housekeeping = housekeeping;
        this.config = config;
    }

    public static ProviderServer start(ProviderConfig config, ProviderParts parts) {
        return start(config, parts, BrokerLogs.none());
    }

    /** As {@link #start(ProviderConfig, ProviderParts)}, serving {@code logs} on the provider-only {@code /v1/logs}. */
    public static ProviderServer start(ProviderConfig config, ProviderParts parts, BrokerLogs logs) {
        InferenceServingContract inference = InferenceServingContract.readOnly(parts.rpc(), parts.inferenceContract());
        AccountStates states = new AccountStates(inference, parts.provider(), parts.clock(), config.accountCacheTtl());
        ChainEventFollower events = new ChainEventFollower(parts.rpc(), inference, parts.provider(), states);
        events.poll(); // fixes the starting block before we serve, so no event is missed
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                // SSE is flushed line by line: without TCP_NODELAY each small write waits for the last one's ACK
                .connectionOptions(options -> options.tcpNoDelay(true))
                .routing(routing -> routing(routing, config, parts, states, logs))
                .build()
                .start();
        events.start(config.eventPollInterval());
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("signature-purge").factory());
        housekeeping.scheduleWithFixedDelay(() -> purgeSignatures(config, parts), 10, 10, TimeUnit.MINUTES);
        return new ProviderServer(server, events, housekeeping, config);
    }

    /** The production routing; tests start a server on port 0 with the same. */
    static void routing(HttpRouting.Builder routing, ProviderConfig config, ProviderParts parts, AccountStates states) {
        routing(routing, config, parts, states, BrokerLogs.none());
    }

    static void routing(HttpRouting.Builder routing, ProviderConfig config, ProviderParts parts, AccountStates states,
                        BrokerLogs logs) {
        ObjectMapper json = new ObjectMapper();
        SessionAuthenticator authenticator = new SessionAuthenticator(parts.provider(), states, parts.clock(),
                config.tokenCacheTtl());
        Billing billing = new Billing(FeeCalculator.of(new ServicePrices(config.inputPrice(), config.outputPrice()),
                config.chatPricing()), json);
        Upstream metered = new MeteredUpstream(parts.upstream(), parts.metrics(), System::nanoTime);
        // images answered by URL live as long as their signature (bounded in memory, see StoredImages)
        StoredImages images = new StoredImages(config.signatureRetention(), StoredImages.DEFAULT_CAPACITY_BYTES);
        ProxyHandler upstream = new UpstreamStage(metered, new UpstreamBodies(json), billing, parts.store(),
                parts.signer(), parts.provider(), config.model(), parts.clock(), new ImageUrls(json), images);
        ProxyHandler account = new AccountStage(upstream, states, parts.store(), parts.provider(), parts.earlySettlement());
        ProxyHandler limited = new RateLimitStage(account, config.limits(), parts.clock());
        ProxyHandler authenticated = new AuthStage(limited, authenticator);
        ProxyHandler capped = new GlobalInFlightStage(authenticated, config.limits().globalInFlight());
        ProxyHandler pipeline = new MetricsStage(capped, parts.metrics(), System::nanoTime);
        routing.any(new ProviderRoutes(config, parts.provider(), pipeline, authenticator, parts.store(), parts.signer(),
                parts.clock(), json, parts.metrics(), new ChainProbe(parts.rpc(), ChainProbe.DEFAULT_TIMEOUT), images, logs));
    }

    /** Signatures stay retrievable for {@code signatureRetention}, then go. */
    private static void purgeSignatures(ProviderConfig config, ProviderParts parts) {
        try {
            parts.store().purgeSignaturesOlderThan(parts.clock().instant().minus(config.signatureRetention()));
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(ProviderServer.class.getName())
                    .warning("purging old signatures failed: " + e.getMessage());
        }
    }

    public int port() {
        return server.port();
    }

    /** The base URL to register on chain, e.g. {@code http://127.0.0.1:8080}. */
    public URI url() {
        return URI.create("http://" + (config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host()) + ":" + port());
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        events.close();
        server.stop();
    }
}
