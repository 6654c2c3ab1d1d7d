package ai.zerog.compute.cli.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny OpenAI-compatible server on loopback that answers every request with one fixed error. */
final class FakeUpstream implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<String> lastRequest =
            new java.util.concurrent.atomic.AtomicReference<>("");

    private FakeUpstream(HttpServer server) {
        this.server = server;
    }

    static FakeUpstream answering(int status, String json, Map<String, String> headers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeUpstream fake = new FakeUpstream(server);
            server.createContext("/", exchange -> {
                fake.hits.incrementAndGet();
                fake.lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().getFirst("Authorization") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                headers.forEach(exchange.getResponseHeaders()::add);
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, as a direct endpoint takes it ({@code http://127.0.0.1:port/v1}). */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** {@code METHOD /path Authorization body} of the last request. */
    String lastRequest() {
        return lastRequest.get();
    }

    int hits() {
        return hits.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
