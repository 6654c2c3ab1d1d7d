package ai.zerog.compute.cli.serve;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.InferenceBroker;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local OpenAI-compatible proxy of {@code inference serve}: clients talk plain OpenAI HTTP to
 * it, it signs session tokens with the wallet of the broker it was given, keeps the providers'
 * sub-accounts funded in the background, fails over between targets and verifies every answer
 * (header {@code x-0g-verified}, or a final SSE comment for streams). Start-up sends no billed
 * request; it may send the transactions that create and acknowledge a provider sub-account.
 *
 * <p>Routes: {@code POST /v1/chat/completions}, {@code /v1/images/generations},
 * {@code /v1/images/edits}, {@code /v1/audio/transcriptions}, {@code /v1/verify};
 * {@code GET /v1/models}, {@code /v1/providers/status}, {@code /health}; {@code OPTIONS} preflights.
 */
public final class LocalProxy implements AutoCloseable {
    static final Set<String> VERIFIABLE = Set.of("OpML", "TeeML", "ZKML");

    private final WebServer server;
    private final ProxyConfig config;
    private final TargetPool pool;
    private final UpstreamClient client;
    private final Runnable stopFunding;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private LocalProxy(WebServer server, ProxyConfig config, TargetPool pool, UpstreamClient client, Runnable stopFunding) {
        this.server = server;
        this.config = config;
        this.pool = pool;
        this.client = client;
        this.stopFunding = stopFunding;
    }

    /**
     * Prepares every target (a provider without an acknowledged sub-account is acknowledged, which
     * may send transactions; auto-funding starts for each), then listens. Providers that cannot be
     * prepared are left out with a warning; none left is a {@link CliFailure}, as is a port in use.
     * The caller keeps {@code broker} and closes it after the proxy.
     */
    public static LocalProxy start(ProxyConfig config, ZgComputeBroker broker, ProxyLog log) {
        return start(config, Optional.of(broker), log, Clock.systemUTC());
    }

    /** A proxy over direct endpoints only, which needs no wallet or chain. */
    public static LocalProxy start(ProxyConfig config, ProxyLog log) {
        return start(config, Optional.empty(), log, Clock.systemUTC());
    }

    static LocalProxy start(ProxyConfig config, Optional<ZgComputeBroker> broker, ProxyLog log, Clock clock) {
        PortInUse.check(config.host(), config.port()); // before any transaction
        Optional<InferenceBroker> inference = broker.map(ZgComputeBroker::inference);
        List<Address> funded = new ArrayList<>();
        Runnable stopFunding = () -> inference.ifPresent(i -> funded.forEach(i::stopAutoFunding));
        List<Upstream> upstreams = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ProxyTarget target : config.targets()) {
            try {
                upstreams.add(switch (target) {
                    case ProxyTarget.Provider provider -> prepare(provider, inference.orElseThrow(() -> new CliFailure(
                            "provider " + provider.id() + " needs a wallet and an RPC", "Log in first")), funded, log);
                    case ProxyTarget.Endpoint endpoint -> direct(endpoint, log);
                });
            } catch (RuntimeException e) {
                failures.add(target.id() + ": " + e.getMessage());
                log.warn("✗ " + target.id() + " left out: " + e.getMessage());
            }
        }
        if (upstreams.isEmpty()) {
            stopFunding.run();
            throw new CliFailure(config.targets().size() == 1 ? failures.getFirst()
                    : "no provider could be prepared: " + String.join("; ", failures),
                    "Check the provider with `0g-compute-cli inference list-providers` and your balance with"
                            + " `0g-compute-cli get-account`");
        }
        TargetPool pool = new TargetPool(upstreams, config.retryUnavailableAfter(), clock);
        UpstreamClient client = new UpstreamClient(config.requestTimeout());
        AnswerVerifier verifier = new AnswerVerifier((provider, chatId, request, answer) -> inference.orElseThrow()
                .processResponse(provider, chatId, request, answer));
        VerdictCache verdicts = new VerdictCache(config.verdictRetention(), clock);
        Forwarder forwarder = new Forwarder(pool, client, new AnswerRelay(pool, verifier, verdicts, log), log);
        ModelsRoute models = new ModelsRoute(pool, upstream -> catalogue(inference, upstream), clock, log);
        ProxyRoutes routes = ProxyRoutes.of(forwarder, new ClientBodies(config.maxBodyBytes()), pool, verdicts, models,
                config, log);
        WebServer server;
        try {
            server = WebServer.builder()
                    .host(config.host())
                    .port(config.port())
                    .connectionOptions(options -> options.tcpNoDelay(true)) // SSE chunks leave at once
                    .routing(routing -> routing.any(routes))
                    .build()
                    .start();
        } catch (RuntimeException e) {
            stopFunding.run();
            client.close();
            if (PortInUse.isBindFailure(e)) {
                throw PortInUse.failure(config.host(), config.port());
            }
            throw new CliFailure("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(),
                    "Check --host and --port");
        }
        if (!server.isRunning()) { // Helidon logs a failed bind and returns a stopped server
            stopFunding.run();
            client.close();
            PortInUse.check(config.host(), config.port());
            throw new CliFailure("cannot listen on " + config.host() + ":" + config.port(), "Check --host and --port");
        }
        LocalProxy proxy = new LocalProxy(server, config, pool, client, stopFunding);
        log.info("Inference proxy listening on " + proxy.url() + "/v1 (" + upstreams.size() + " of "
                + config.targets().size() + " targets ready" + (config.requiresClientApiKey() ? ", client API key required"
                : "") + ")");
        return proxy;
    }

    private static Upstream prepare(ProxyTarget.Provider target, InferenceBroker inference, List<Address> funded,
                                    ProxyLog log) {
        Address address = target.address();
        Service service = inference.getService(address);
        Optional<Account> account = inference.account(address);
        if (account.isEmpty() || !account.get().acknowledged()) {
            log.info("Acknowledging provider " + target.id() + (account.isEmpty()
                    ? " (creates its sub-account from your ledger)" : ""));
            inference.acknowledgeProvider(address);
        }
        if (!inference.isAutoFunding(address)) { // another user of this broker may already run it: leave that alone
            inference.startAutoFunding(address);
            funded.add(address);
        }
        boolean signs = VERIFIABLE.contains(service.verifiability());
        log.info("✓ Provider " + target.id() + " ready: " + service.serviceType() + " model " + service.model() + " at "
                + service.url() + (signs ? " (answers verified)" : " (verifiability '" + service.verifiability()
                + "': answers unverifiable)") + ", priority " + target.priority());
        return new Upstream(target, URI.create(service.url() + "/v1/proxy"), service.model(), service.serviceType(),
                signs, () -> inference.requestHeaders(address));
    }

    private static Upstream direct(ProxyTarget.Endpoint target, ProxyLog log) {
        Map<String, String> headers = target.apiKey().isEmpty() ? Map.of()
                : Map.of("Authorization", "Bearer " + target.apiKey());
        log.info("✓ Direct endpoint " + target.id() + " ready: model " + target.model() + " at " + target.baseUrl()
                + " (answers unverifiable), priority " + target.priority());
        return new Upstream(target, target.baseUrl(), target.model(), Upstream.ANY_TYPE, false, () -> headers);
    }

    private static List<ObjectNode> catalogue(Optional<InferenceBroker> inference, Upstream upstream) {
        if (upstream.provider().isEmpty() || inference.isEmpty()) {
            return List.of();
        }
        List<ObjectNode> models = new ArrayList<>();
        for (var model : inference.get().providerModels(upstream.provider().get()).models()) {
            try {
                if (ClientBodies.JSON.readTree(model.json()) instanceof ObjectNode object) {
                    models.add(object);
                }
            } catch (IOException garbage) {
                // a model the provider describes badly is listed by id alone below
                models.add(ClientBodies.JSON.createObjectNode().put("id", model.id()));
            }
        }
        return models;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.port();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:3000} (OpenAI clients add {@code /v1}). */
    public URI url() {
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** Every target, in priority order, with its availability. */
    public List<TargetStatus> status() {
        return pool.status();
    }

    /** Stops listening, and the auto-funding this proxy started (not what was running before it); idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop();
        stopFunding.run();
        client.close();
    }
}
