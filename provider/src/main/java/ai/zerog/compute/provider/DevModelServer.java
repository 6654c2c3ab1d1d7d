package ai.zerog.compute.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves an {@link Upstream} (normally the {@link DevModel}) over HTTP as an OpenAI-compatible
 * server under {@code /v1}: the devnet's "local upstream" and the peer of {@link OpenAiUpstream}
 * in tests. Every {@code POST /v1/<endpoint>} is handed to the upstream; the answer is written
 * chunked and flushed per read, so SSE streams arrive token by token. One virtual thread per
 * exchange.
 */
public final class DevModelServer implements AutoCloseable {
    private static final int BUFFER = 16 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    private DevModelServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on 127.0.0.1 at a free port. */
    public static DevModelServer start(Upstream upstream) {
        return start(upstream, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    public static DevModelServer start(Upstream upstream, InetSocketAddress address) {
        Objects.requireNonNull(upstream, "upstream");
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new ProviderException("cannot listen on " + address + " for the dev model server", e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/v1/", exchange -> serve(upstream, exchange));
        server.start();
        return new DevModelServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** E.g. {@code http://127.0.0.1:41234/v1}, ready for {@link OpenAiUpstreamConfig#of(URI)}. */
    public URI baseUrl() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port() + "/v1");
    }

    /** Stops at once, dropping open connections. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void serve(Upstream upstream, HttpExchange exchange) {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                write(exchange, DevResponse.json(405, DevJson.error("Only POST is supported, got "
                        + exchange.getRequestMethod())));
                return;
            }
            URI uri = exchange.getRequestURI();
            String endpoint = uri.getRawPath().substring("/v1".length())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String contentType = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Content-Type"), "");
            byte[] body = exchange.getRequestBody().readAllBytes();
            try (UpstreamResponse response = answer(upstream, new UpstreamRequest(endpoint, contentType, body))) {
                write(exchange, response);
            }
        } catch (IOException e) {
            // The client went away mid-answer; closing the exchange and the response is all there is to do.
        }
    }

    private static UpstreamResponse answer(Upstream upstream, UpstreamRequest request) {
        try {
            return upstream.send(request);
        } catch (RuntimeException e) {
            return DevResponse.json(500, DevJson.error("The upstream failed: " + e.getMessage()));
        }
    }

    private static void write(HttpExchange exchange, UpstreamResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), 0);
        OutputStream out = exchange.getResponseBody();
        InputStream in = response.body();
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }
}
