package ai.zerog.compute.provider;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Helidon SE 4 against Jetty 12 (DESIGN.md: one HTTP server library for all servers, chosen by
 * a small benchmark). Both serve the same two handlers on loopback, written the way the broker
 * writes them (blocking code): a tiny JSON answer to a small JSON POST, and an SSE stream of 20
 * events flushed one by one. One JDK HTTP/1.1 keep-alive client at concurrency 16 measures
 * requests/s and p50/p99, Helidon and Jetty rounds alternating, in one run. Prints ratios.
 */
public final class HttpServerChoiceBenchmark {
    private static final int CONCURRENCY = 16;
    private static final int ROUNDS = 4;
    private static final Duration ROUND = Duration.ofSeconds(5);
    private static final byte[] REQUEST = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANSWER = "{\"id\":\"x\",\"object\":\"chat.completion\",\"usage\":{\"prompt_tokens\":1}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] EVENT = "data: {\"choices\":[{\"delta\":{\"content\":\"token\"}}]}\n\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final int EVENTS = 20;

    private record Result(String server, String handler, LoadGenerator.Outcome outcome) {
    }

    private HttpServerChoiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("io.helidon").setLevel(Level.WARNING);
        PrintStream out = System.out;
        WebServer helidon = helidon();
        Server jetty = jetty();
        URI helidonUrl = URI.create("http://127.0.0.1:" + helidon.port());
        URI jettyUrl = URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        List<Result> results = new ArrayList<>();
        try {
            for (String handler : List.of("json", "stream")) {
                LoadGenerator.Call onHelidon = call(http, helidonUrl.resolve("/" + handler));
                LoadGenerator.Call onJetty = call(http, jettyUrl.resolve("/" + handler));
                out.println("Warming up " + handler + " ...");
                LoadGenerator.run(CONCURRENCY, Integer.MAX_VALUE, ROUND, onHelidon);
                LoadGenerator.run(CONCURRENCY, Integer.MAX_VALUE, ROUND, onJetty);
                LoadGenerator.Outcome viaHelidon = LoadGenerator.Outcome.empty();
                LoadGenerator.Outcome viaJetty = LoadGenerator.Outcome.empty();
                for (int round = 0; round < ROUNDS; round++) {
                    boolean helidonFirst = round % 2 == 0;
                    LoadGenerator.Outcome first = LoadGenerator.run(CONCURRENCY, Integer.MAX_VALUE, ROUND,
                            helidonFirst ? onHelidon : onJetty);
                    LoadGenerator.Outcome second = LoadGenerator.run(CONCURRENCY, Integer.MAX_VALUE, ROUND,
                            helidonFirst ? onJetty : onHelidon);
                    viaHelidon = viaHelidon.plus(helidonFirst ? first : second);
                    viaJetty = viaJetty.plus(helidonFirst ? second : first);
                }
                results.add(new Result("Helidon SE 4.5.0", handler, viaHelidon));
                results.add(new Result("Jetty " + Server.getVersion(), handler, viaJetty));
            }
        } finally {
            http.close();
            helidon.stop();
            jetty.stop();
        }
        print(out, results);
    }

    private static void print(PrintStream out, List<Result> results) {
        out.println();
        out.println("HTTP server choice, " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, JDK " + Runtime.version() + ", concurrency " + CONCURRENCY + ", " + ROUNDS + " rounds of "
                + ROUND.toSeconds() + " s each");
        out.println();
        out.println("| handler | server | requests/s | p50 ms | p99 ms |");
        out.println("|---|---|---:|---:|---:|");
        for (Result r : results) {
            out.printf("| %s | %s | %,.0f | %.3f | %.3f |%n", r.handler(), r.server(), r.outcome().perSecond(),
                    r.outcome().percentile(50) / 1e6, r.outcome().percentile(99) / 1e6);
            if (r.outcome().failures() > 0) {
                out.println("  (" + r.outcome().failures() + " failed, first: " + r.outcome().firstFailure() + ")");
            }
        }
        out.println();
        for (int i = 0; i + 1 < results.size(); i += 2) {
            LoadGenerator.Outcome helidon = results.get(i).outcome();
            LoadGenerator.Outcome jetty = results.get(i + 1).outcome();
            out.printf("%s: Helidon/Jetty requests/s %.2f, p50 %.2f, p99 %.2f%n", results.get(i).handler(),
                    helidon.perSecond() / jetty.perSecond(),
                    (double) helidon.percentile(50) / jetty.percentile(50),
                    (double) helidon.percentile(99) / jetty.percentile(99));
        }
    }

    private static LoadGenerator.Call call(HttpClient http, URI uri) {
        return sequence -> {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(REQUEST)).build();
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long latency = System.nanoTime() - start;
            int expected = uri.getPath().equals("/json") ? ANSWER.length : EVENT.length * EVENTS;
            if (answer.statusCode() != 200 || answer.body().length != expected) {
                throw new IllegalStateException("HTTP " + answer.statusCode() + ", " + answer.body().length + " bytes");
            }
            return latency;
        };
    }

    // ---- the same two handlers on each server ----

    private static WebServer helidon() {
        return WebServer.builder().host("127.0.0.1").port(0)
                .connectionOptions(options -> options.tcpNoDelay(true))
                .routing(routing -> routing
                        .post("/json", HttpServerChoiceBenchmark::helidonJson)
                        .post("/stream", HttpServerChoiceBenchmark::helidonStream))
                .build().start();
    }

    private static void helidonJson(ServerRequest request, ServerResponse response) throws IOException {
        try (InputStream in = request.content().inputStream()) {
            in.readAllBytes();
        }
        response.header("Content-Type", "application/json").send(ANSWER);
    }

    private static void helidonStream(ServerRequest request, ServerResponse response) throws IOException {
        try (InputStream in = request.content().inputStream()) {
            in.readAllBytes();
        }
        response.header("Content-Type", "text/event-stream");
        try (OutputStream out = response.outputStream()) {
            for (int i = 0; i < EVENTS; i++) {
                out.write(EVENT);
                out.flush();
            }
        }
    }

    private static Server jetty() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                try (InputStream in = Content.Source.asInputStream(request)) {
                    in.readAllBytes();
                }
                if (Request.getPathInContext(request).equals("/json")) {
                    response.getHeaders().put("Content-Type", "application/json");
                    response.write(true, ByteBuffer.wrap(ANSWER), callback);
                    return true;
                }
                response.getHeaders().put("Content-Type", "text/event-stream");
                try (OutputStream out = Content.Sink.asOutputStream(response)) {
                    for (int i = 0; i < EVENTS; i++) {
                        out.write(EVENT);
                        out.flush();
                    }
                }
                callback.succeeded();
                return true;
            }
        });
        server.start();
        return server;
    }
}
