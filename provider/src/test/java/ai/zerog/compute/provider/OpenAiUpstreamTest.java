package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The OpenAI adapter against real sockets that misbehave: stalls, refusals, errors. */
class OpenAiUpstreamTest {
    private static final Duration IDLE = Duration.ofMillis(400);
    private static final String CHAT = UpstreamContractTest.CHAT.formatted("");
    private static final String STREAM_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";

    @Test
    void shouldSendBodyContentTypeAndBearerKey() throws IOException {
        CompletableFuture<Headers> seenHeaders = new CompletableFuture<>();
        CompletableFuture<byte[]> seenBody = new CompletableFuture<>();
        HttpServer server = server(exchange -> {
            seenHeaders.complete(exchange.getRequestHeaders());
            seenBody.complete(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        try (OpenAiUpstream upstream = upstream(baseUrl(server), "sk-test-123");
             UpstreamResponse response = upstream.send(UpstreamContractTest.json("/chat/completions", CHAT))) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(seenHeaders.join().getFirst("Authorization")).isEqualTo("Bearer sk-test-123");
            assertThat(seenHeaders.join().getFirst("Content-Type")).isEqualTo("application/json");
            assertThat(new String(seenBody.join(), StandardCharsets.UTF_8)).isEqualTo(CHAT);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldSendNoAuthorizationWithoutKey() throws IOException {
        CompletableFuture<Headers> seenHeaders = new CompletableFuture<>();
        HttpServer server = server(exchange -> {
            seenHeaders.complete(exchange.getRequestHeaders());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        try (OpenAiUpstream upstream = OpenAiUpstream.create(OpenAiUpstreamConfig.of(baseUrl(server)));
             UpstreamResponse response = upstream.send(UpstreamContractTest.json("/chat/completions", CHAT))) {
            assertThat(response.status()).isEqualTo(204);
            assertThat(seenHeaders.join().containsKey("Authorization")).isFalse();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldPassUpstream500StatusHeadersAndBodyThrough() throws IOException {
        byte[] error = "{\"error\":{\"message\":\"CUDA out of memory\"}}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = server(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Upstream-Trace", "abc");
            exchange.sendResponseHeaders(500, error.length);
            exchange.getResponseBody().write(error);
            exchange.close();
        });
        try (OpenAiUpstream upstream = upstream(baseUrl(server), "k");
             UpstreamResponse response = upstream.send(UpstreamContractTest.json("/chat/completions", CHAT))) {
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.contentType()).isEqualTo("application/json");
            assertThat(response.headers()).containsEntry("x-upstream-trace", List.of("abc"));
            assertThat(response.body().readAllBytes()).isEqualTo(error);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldRaiseUnavailableNamingTheUrlWhenTheConnectionIsRefused() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port + "/v1");

        try (OpenAiUpstream upstream = upstream(base, "k")) {
            assertThatThrownBy(() -> upstream.send(UpstreamContractTest.json("/chat/completions", CHAT)))
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .hasMessageContaining("http://127.0.0.1:" + port + "/v1/chat/completions")
                    .hasMessageContaining("connection refused");
        }
    }

    @Test
    void shouldRaiseUnavailableForAnUnknownHost() {
        try (OpenAiUpstream upstream = upstream(URI.create("http://no-such-host.invalid:8000/v1"), "k")) {
            assertThatThrownBy(() -> upstream.send(UpstreamContractTest.json("/chat/completions", CHAT)))
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .hasMessageContaining("http://no-such-host.invalid:8000/v1/chat/completions")
                    .hasMessageContaining("unknown host");
        }
    }

    @Test
    void shouldRaiseUnavailableAndHangUpWhenNoHeadersComeWithinTheIdleTimeout() throws Exception {
        try (StallingServer stalling = StallingServer.start("");
             OpenAiUpstream upstream = upstream(stalling.baseUrl(), "k")) {
            assertThatThrownBy(() -> upstream.send(UpstreamContractTest.json("/chat/completions", CHAT)))
                    .isInstanceOf(UpstreamUnavailableException.class)
                    .hasMessageContaining(stalling.baseUrl() + "/chat/completions")
                    .hasMessageContaining("idleTimeout");
            stalling.clientClosed().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldFailTheReadAndHangUpWhenTheBodyStallsLongerThanTheIdleTimeout() throws Exception {
        String firstEvent = "data: {\"choices\":[]}\n\n";
        try (StallingServer stalling = StallingServer.start(STREAM_HEAD + chunk(firstEvent));
             OpenAiUpstream upstream = upstream(stalling.baseUrl(), "k");
             UpstreamResponse response = upstream.send(UpstreamContractTest.json("/chat/completions", CHAT))) {
            InputStream body = response.body();
            byte[] first = body.readNBytes(firstEvent.length());

            assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(firstEvent);
            assertThatThrownBy(body::read).isInstanceOf(HttpTimeoutException.class)
                    .hasMessageContaining("idleTimeout").hasMessageContaining(stalling.baseUrl().toString());
            assertThatThrownBy(body::read).isInstanceOf(IOException.class);
            stalling.clientClosed().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldAbortTheUpstreamRequestWhenTheResponseIsClosedEarly() throws Exception {
        try (StallingServer stalling = StallingServer.start(STREAM_HEAD + chunk("data: {}\n\n"));
             OpenAiUpstream upstream = upstream(stalling.baseUrl(), "k")) {
            UpstreamResponse response = upstream.send(UpstreamContractTest.json("/chat/completions", CHAT));
            assertThat(response.body().read()).isEqualTo('d');

            response.close();

            stalling.clientClosed().get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> response.body().read()).isInstanceOf(IOException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void shouldNotCutASlowButSteadyStreamThatOutlastsTheIdleTimeout() throws IOException {
        Duration tokenDelay = Duration.ofMillis(40);
        String prompt = "Please count slowly from one to twenty: one two three four five six seven eight nine ten.";
        try (DevModelServer server = DevModelServer.start(DevModel.create(DevModelConfig.defaults().withTokenDelay(tokenDelay)));
             OpenAiUpstream upstream = upstream(server.baseUrl(), "k");
             UpstreamResponse response = upstream.send(UpstreamContractTest.json("/chat/completions",
                     "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                             + "\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}"))) {
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }

            SseEvents events = SseEvents.parse(String.join("\n", lines) + "\n");
            JsonNode usage = events.chunks().getLast().get("usage");
            assertThat(events.content()).startsWith("Dev model reply to: " + prompt);
            assertThat(tokenDelay.multipliedBy(usage.get("completion_tokens").intValue()))
                    .as("the stream must last longer than the idle timeout for this test to mean anything")
                    .isGreaterThan(IDLE.multipliedBy(2));
        }
    }

    private static OpenAiUpstream upstream(URI baseUrl, String key) {
        return OpenAiUpstream.create(OpenAiUpstreamConfig.of(baseUrl).withApiKey(key)
                .withConnectTimeout(Duration.ofSeconds(5)).withIdleTimeout(IDLE));
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + data + "\r\n";
    }

    private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
        return server;
    }

    private static URI baseUrl(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }
}
