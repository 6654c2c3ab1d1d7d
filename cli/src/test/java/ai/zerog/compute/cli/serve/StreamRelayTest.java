package ai.zerog.compute.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An event stream reaches the client event by event: the upstream holds back the rest of its
 * stream until the client has seen the first event through the proxy.
 */
class StreamRelayTest {

    @Test
    void shouldRelayEachEventBeforeTheUpstreamFinishes() throws Exception {
        CountDownLatch clientSawFirstEvent = new CountDownLatch(1);
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\":{\"content\":\"first\"}}]}\n\n"
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                clientSawFirstEvent.await(30, TimeUnit.SECONDS);
                out.write("data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\":{\"content\":\"second\"}}]}\n\ndata: [DONE]\n\n"
                        .getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        upstream.start();
        URI base = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1");
        try (LocalProxy proxy = LocalProxy.start(ProxyConfig.of(List.of(ProxyTarget.endpoint("slow", base, "", "m", 0)))
                .withPort(0), ProxyLog.silent())) {
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(proxy.url() + "/v1/chat/completions"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(ProxyCalls.streamChat("hi"))).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));

            String first = CompletableFuture.supplyAsync(() -> readLine(lines)).get(20, TimeUnit.SECONDS);
            assertThat(first).contains("\"first\"");
            clientSawFirstEvent.countDown();

            StringBuilder rest = new StringBuilder();
            for (String line = readLine(lines); line != null; line = readLine(lines)) {
                rest.append(line).append('\n');
            }
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(rest.toString()).contains("\"second\"").contains("data: [DONE]")
                    .contains(StreamVerdict.PREFIX + "{\"verified\":\"unverifiable\",\"provider\":\"slow\",\"chatId\":\"chatcmpl-1\"");
        } finally {
            clientSawFirstEvent.countDown();
            upstream.stop(0);
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
