package ai.zerog.compute.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A status API on loopback, a real HTTP server: answers {@code /health} with the document it is
 * given (404 elsewhere), counts the calls, and can be told to hang until closed.
 */
final class FakeStatusApi implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger healthCalls = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String health = "{\"services\":[]}";
    private volatile boolean hanging;

    private FakeStatusApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            boolean isHealth = exchange.getRequestURI().getPath().equals("/health");
            if (isHealth) {
                healthCalls.incrementAndGet();
            }
            if (hanging) {
                awaitRelease();
            }
            byte[] body = (isHealth ? health : "{\"error\":\"not found\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(isHealth ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    static FakeStatusApi serving(String healthDocument) {
        FakeStatusApi api = new FakeStatusApi();
        api.health = healthDocument;
        return api;
    }

    /** Accepts connections but never answers (until closed): a status API that is down behind a proxy. */
    static FakeStatusApi hanging() {
        FakeStatusApi api = new FakeStatusApi();
        api.hanging = true;
        return api;
    }

    /** A URL on loopback where nothing listens. */
    static URI nowhere() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One {@code services[]} entry of {@code /health}. */
    static String entry(String provider, String model, String status, String uptime, String avgMs) {
        return """
                {"provider":"%s","model":"%s","status":"%s","checks":{"uptime":%s},
                 "performance":{"response_time":{"avg":%s,"unit":"ms"}},"lastCheck":"2026-01-01T00:00:00Z"}"""
                .formatted(provider, model, status, uptime, avgMs);
    }

    static String health(String... entries) {
        return "{\"services\":[" + String.join(",", entries) + "]}";
    }

    void answer(String healthDocument) {
        health = healthDocument;
    }

    int healthCalls() {
        return healthCalls.get();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
