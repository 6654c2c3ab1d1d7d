package ai.zerog.compute.provider;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The measured calls of {@link BrokerBenchmark}, over one keep-alive HTTP/1.1 JDK client: a chat
 * answer read whole (latency = until the last byte), and a streamed chat (latency = until the
 * first event that carries a token; the rest is read to {@code [DONE]}). Sent directly to the
 * upstream, the body is exactly what the broker forwards, so the upstream does the same work.
 */
final class ChatCalls {
    static final String PROMPT = "Explain in one sentence what a provider broker adds to a model server.";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    static byte[] chatBody(String prompt, boolean stream, boolean includeUsage) {
        String body = "{\"model\":\"" + BrokerFixture.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + prompt + "\"}]" + (stream ? ",\"stream\":true" : "")
                + (includeUsage ? ",\"stream_options\":{\"include_usage\":true}" : "") + "}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** A whole chat answer from {@code uri}; {@code bearers} are used round-robin (empty list = none). */
    LoadGenerator.Call whole(URI uri, List<String> bearers, byte[] body) {
        return sequence -> {
            HttpRequest request = request(uri, bearers, sequence, body);
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long latency = System.nanoTime() - start;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + answer.statusCode() + ": "
                        + new String(answer.body(), StandardCharsets.UTF_8));
            }
            return latency;
        };
    }

    /** Time to the first token of a streamed chat; fails unless the stream ends with {@code [DONE]}. */
    LoadGenerator.Call firstToken(URI uri, List<String> bearers, byte[] body) {
        return sequence -> {
            HttpRequest request = request(uri, bearers, sequence, body);
            long start = System.nanoTime();
            HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + answer.statusCode() + ": " + lines.readLine());
                }
                long latency = -1;
                boolean done = false;
                for (String line; (line = lines.readLine()) != null; ) {
                    if (latency < 0 && line.startsWith("data:") && line.contains("\"content\":\"")
                            && !line.contains("\"content\":\"\"")) {
                        latency = System.nanoTime() - start;
                    }
                    done |= line.equals("data: [DONE]");
                }
                if (latency < 0 || !done) {
                    throw new IllegalStateException("stream without a token or without [DONE]");
                }
                return latency;
            }
        };
    }

    private static HttpRequest request(URI uri, List<String> bearers, int sequence, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!bearers.isEmpty()) {
            request.header("Authorization", bearers.get(sequence % bearers.size()));
        }
        return request.build();
    }
}
