package ai.zerog.compute.web;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The web UI server: the pages, and the local JSON API under {@code /api} that does everything
 * through the SDK for the local identity or a browser wallet. Loopback only.
 */
public final class WebUiServer implements AutoCloseable {
    private final WebServer server;
    private final Parts parts;
    private final String host;

    private WebUiServer(WebServer server, Parts parts, String host) {
        this.server = server;
        this.parts = parts;
        this.host = host;
    }

    /**
     * Starts serving; a taken port is a {@link PortInUseException} whose message suggests {@code --port}.
     * {@code localIdentity} is opened only when the page connects it. The UI's own state (its API
     * keys) goes to {@code dataDir}, created owner-only when first needed (e.g. {@code <CLI config dir>/web-ui}).
     */
    public static WebUiServer start(WebUiConfig config, LocalIdentity localIdentity, Path dataDir) {
        requireFreePort(config);
        Parts parts = Parts.create(config, localIdentity, dataDir);
        try {
            WebServer server = WebServer.builder()
                    .host(config.host())
                    .port(config.port())
                    .connectionOptions(options -> options.tcpNoDelay(true))
                    .routing(routing -> routing(routing, parts))
                    .build()
                    .start();
            if (!server.isRunning()) {
                // Helidon logs a failed bind and returns a stopped server instead of throwing
                requireFreePort(config);
                throw new WebUiException("the web UI server could not start on " + config.host() + ":" + config.port()
                        + "; see the log above");
            }
            return new WebUiServer(server, parts, config.host());
        } catch (RuntimeException e) {
            parts.close();
            if (causedByBind(e)) {
                throw new PortInUseException(config.host(), config.port(), e);
            }
            throw e;
        }
    }

    /** The production routing; tests start a server on port 0 with the same. */
    static void routing(HttpRouting.Builder routing, Parts parts) {
        new SessionRoutes(parts.wallets, parts.closing).register(routing);
        new CatalogueRoutes(parts.wallets, parts.verifier, parts.status).register(routing);
        new ChatRoutes(parts.wallets, parts.calls).register(routing);
        new MediaRoutes(parts.wallets, parts.calls).register(routing);
        new AccountRoutes(parts.wallets, parts.browserTransactions).register(routing);
        new ApiKeyRoutes(parts.wallets, parts.keys, parts.browserTransactions, Clock.systemUTC()).register(routing);
        routing.any("/api/*", ApiHandler.guarded((request, response) -> {
            throw new ApiProblem(404, "no API " + request.prologue().method().text() + " " + request.path().path());
        }));
        routing.any(new StaticFiles());
    }

    public int port() {
        return server.port();
    }

    /** Where a person opens the UI, e.g. {@code http://localhost:3090}. */
    public URI url() {
        String name = host.equals("::1") ? "[::1]" : host;
        return URI.create("http://" + name + ":" + port());
    }

    @Override
    public void close() {
        parts.closing.set(true);
        parts.wallets.signatures().wakeAll();
        server.stop();
        parts.close();
    }

    /** Binds the port once ourselves, so a taken port is reported before Helidon logs a failure. */
    private static void requireFreePort(WebUiConfig config) {
        if (config.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(config.host(), config.port()));
        } catch (BindException e) {
            throw new PortInUseException(config.host(), config.port(), e);
        } catch (IOException e) {
            throw new WebUiException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    /** What the routes share: the wallets, the provider client, the verifier, the status API and the registries. */
    static final class Parts implements AutoCloseable {
        final Wallets wallets;
        final ProviderCalls calls = new ProviderCalls();
        final ServiceVerifier verifier;
        final BrowserTransactions browserTransactions;
        final StatusBoard status;
        final ApiKeyRegistry keys;
        final AtomicBoolean closing = new AtomicBoolean();

        private Parts(Wallets wallets, ServiceVerifier verifier, BrowserTransactions browserTransactions,
                      StatusBoard status, ApiKeyRegistry keys) {
            this.wallets = wallets;
            this.keys = keys;
            this.verifier = verifier;
            this.browserTransactions = browserTransactions;
            this.status = status;
        }

        static Parts create(WebUiConfig config, LocalIdentity identity, Path dataDir) {
            Path reports;
            try {
                reports = Files.createTempDirectory("zg-web-ui-reports");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a folder for attestation reports", e);
            }
            return new Parts(new Wallets(config.network(), identity, new SignatureRequests()),
                    new ServiceVerifier(reports), new BrowserTransactions(config.network()),
                    StatusBoard.create(config.statusApi()), new ApiKeyRegistry(dataDir));
        }

        @Override
        public void close() {
            wallets.close();
            browserTransactions.close();
            status.close();
        }
    }
}
