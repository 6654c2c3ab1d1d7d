package ai.zerog.compute.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load generator: {@code concurrency} workers each send one non-streaming chat
 * request, wait for the whole answer, and send the next, over one keep-alive JDK HttpClient
 * (HTTP/1.1, so one connection per worker), until the round's time is up. An answer counts when
 * it is HTTP 200 with a {@code choices} field: the official proxy answers 200 even for errors.
 */
final class ChatLoad {
    private final URI chatUrl;
    private final Map<String, String> headers;
    private final byte[] body;

    private ChatLoad(URI chatUrl, Map<String, String> headers, String model) {
        this.chatUrl = chatUrl;
        this.headers = Map.copyOf(headers);
        this.body = ("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Say hello in five words.\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    /** Chat through a local proxy at {@code baseUrl}. */
    static ChatLoad proxy(URI baseUrl, String model) {
        return new ChatLoad(baseUrl.resolve("/v1/chat/completions"), Map.of(), model);
    }

    /** Chat with the provider itself (its service URL), signed with {@code headers}: no proxy at all. */
    static ChatLoad direct(URI serviceUrl, Map<String, String> headers, String model) {
        return new ChatLoad(URI.create(serviceUrl + "/v1/proxy/chat/completions"), headers, model);
    }

    /** Runs one round; the elapsed time ends when the last worker's last answer arrived. */
    LoadResult run(int concurrency, Duration duration) {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(chatUrl).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(builder::header);
            HttpRequest request = builder.build();
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<Future<Worker>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(workers.submit(() -> new Worker().loop(client, request, deadline)));
            }
            List<Worker> done = new ArrayList<>();
            for (Future<Worker> worker : running) {
                done.add(worker.get());
            }
            return LoadResult.of(done.stream().map(w -> w.latencies).toList(),
                    done.stream().mapToLong(w -> w.failures).sum(),
                    done.stream().map(w -> w.firstFailure).filter(f -> !f.isEmpty()).findFirst().orElse(""),
                    System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load worker failed", e.getCause());
        }
    }

    /** One virtual user: its latencies in nanoseconds and its failures. */
    private static final class Worker {
        private final LongList latencies = new LongList();
        private long failures;
        private String firstFailure = "";

        Worker loop(HttpClient client, HttpRequest request, long deadline) throws InterruptedException {
            while (System.nanoTime() < deadline) {
                long sent = System.nanoTime();
                String failure;
                try {
                    HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                    failure = answer.statusCode() == 200 && answer.body().contains("\"choices\"") ? ""
                            : "HTTP " + answer.statusCode() + " " + shorten(answer.body());
                } catch (IOException e) {
                    failure = e.toString();
                }
                long latency = System.nanoTime() - sent;
                if (failure.isEmpty()) {
                    latencies.add(latency);
                } else {
                    failures++;
                    firstFailure = firstFailure.isEmpty() ? failure : firstFailure;
                }
            }
            return this;
        }

        private static String shorten(String text) {
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }
}
