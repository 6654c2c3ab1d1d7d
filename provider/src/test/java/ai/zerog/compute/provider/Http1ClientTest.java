package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The upstream HTTP/1.1 client against a raw server that answers exactly as scripted. */
class Http1ClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] BODY = "{\"q\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldReuseOneConnectionForAnswersReadToTheEnd() throws IOException {
        try (ScriptedServer server = ScriptedServer.start(n -> reply("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), false);
             Http1Client client = client(server)) {
            for (int i = 0; i < 3; i++) {
                assertThat(text(client.post(server.uri(), "application/json", "", BODY))).isEqualTo("ok");
            }

            assertThat(server.connections()).hasValue(1);
            assertThat(server.requests()).hasSize(3);
            assertThat(server.requests().getFirst()).startsWith("POST /v1/chat/completions HTTP/1.1\r\n")
                    .contains("Content-Length: 7\r\n", "Content-Type: application/json\r\n")
                    .endsWith("\r\n\r\n{\"q\":1}");
        }
    }

    @Test
    void shouldReuseTheConnectionOfAStreamClosedWhenOnlyItsLastChunkIsLeft() throws IOException {
        String stream = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "e;ext=1\r\ndata: [DONE]\n\n\r\n0\r\nX-Trailer: t\r\n\r\n";
        try (ScriptedServer server = ScriptedServer.start(n -> reply(stream), false);
             Http1Client client = client(server)) {
            for (int i = 0; i < 2; i++) {
                Http1Client.Response response = client.post(server.uri(), "application/json", "", BODY);
                byte[] done = response.body().readNBytes("data: [DONE]\n\n".length());
                assertThat(new String(done, StandardCharsets.UTF_8)).isEqualTo("data: [DONE]\n\n");
                response.body().close();
            }

            assertThat(server.connections()).hasValue(1);
        }
    }

    @Test
    void shouldReadChunksWithExtensionsAndTrailersToTheEnd() throws IOException {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nTrailer: x\r\n\r\n";
        try (ScriptedServer server = ScriptedServer.start(n -> reply(chunked), false);
             Http1Client client = client(server)) {
            assertThat(text(client.post(server.uri(), "", "", BODY))).isEqualTo("hello world");
        }
    }

    @Test
    void shouldTellWhenTheNextChunkCameAlongWithTheLastOne() throws IOException {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        try (ScriptedServer server = ScriptedServer.start(n -> reply(chunked), false);
             Http1Client client = client(server)) {
            InputStream body = client.post(server.uri(), "", "", BODY).body();

            assertThat(new String(body.readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(body.available()).isPositive(); // a relay may read on before it flushes
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(" world");
            assertThat(body.available()).isZero();
            body.close();
        }
    }

    @Test
    void shouldSendTheRequestAgainOnANewConnectionWhenThePooledOneWasClosed() throws IOException {
        try (ScriptedServer server = ScriptedServer.start(n -> reply("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n" + n), true);
             Http1Client client = client(server)) {
            assertThat(text(client.post(server.uri(), "application/json", "Bearer k", BODY))).isEqualTo("0");
            assertThat(text(client.post(server.uri(), "application/json", "Bearer k", BODY))).isEqualTo("1");

            assertThat(server.connections()).hasValue(2);
            assertThat(server.requests()).hasSize(2).allSatisfy(r -> assertThat(r).contains("Authorization: Bearer k\r\n"));
        }
    }

    @Test
    void shouldNotReuseAConnectionTheServerSaidItWouldClose() throws IOException {
        try (ScriptedServer server = ScriptedServer.start(
                n -> reply("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"), false);
             Http1Client client = client(server)) {
            assertThat(text(client.post(server.uri(), "", "", BODY))).isEqualTo("ok");
            assertThat(text(client.post(server.uri(), "", "", BODY))).isEqualTo("ok");

            assertThat(server.connections()).hasValue(2);
        }
    }

    @Test
    void shouldReadABodyWithoutLengthUntilTheServerCloses() throws IOException {
        try (ScriptedServer server = ScriptedServer.start(n -> reply("HTTP/1.1 200 OK\r\n\r\nuntil the end"), true);
             Http1Client client = client(server)) {
            Http1Client.Response response = client.post(server.uri(), "", "", BODY);

            assertThat(response.head().status()).isEqualTo(200);
            assertThat(text(response)).isEqualTo("until the end");
        }
    }

    @Test
    void shouldSkipInformationalAnswersAndKeepHeadersLowerCase() throws IOException {
        try (ScriptedServer server = ScriptedServer.start(n -> reply("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 503 Service Unavailable\r\nX-Trace: A\r\nx-trace: b\r\nContent-Length: 0\r\n\r\n"), false);
             Http1Client client = client(server)) {
            Http1Client.Response response = client.post(server.uri(), "", "", BODY);

            assertThat(response.head().status()).isEqualTo(503);
            assertThat(response.head().headers()).containsEntry("x-trace", List.of("A", "b"));
            assertThat(response.body().read()).isEqualTo(-1);
        }
    }

    @Test
    void shouldFailOnABodyCutShortOfItsLength() throws IOException {
        try (ScriptedServer server = ScriptedServer.start(n -> reply("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"), true);
             Http1Client client = client(server)) {
            Http1Client.Response response = client.post(server.uri(), "", "", BODY);

            assertThatThrownBy(() -> response.body().readAllBytes()).isInstanceOf(IOException.class)
                    .hasMessageContaining("bytes of the body missing");
        }
    }

    @Test
    void shouldHangUpWhenTheUpstreamDoesNotTakeALargeBodyWithinTheIdleTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Http1Client client = new Http1Client(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/v1"),
                     TIMEOUT, Duration.ofMillis(300))) {
            Thread.ofVirtual().start(() -> {
                try {
                    silent.accept(); // and never read
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            URI uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/v1/audio/transcriptions");

            assertThatThrownBy(() -> client.post(uri, "application/octet-stream", "", new byte[64 << 20]))
                    .isInstanceOf(java.net.http.HttpTimeoutException.class)
                    .hasMessageContaining("not taken within");
        }
    }

    @Test
    void shouldRefuseHeaderValuesThatWouldSplitTheRequest() throws IOException {
        try (ScriptedServer server = ScriptedServer.start(n -> reply("HTTP/1.1 204 No Content\r\n\r\n"), false);
             Http1Client client = client(server)) {
            assertThatThrownBy(() -> client.post(server.uri(), "text/plain\r\nX-Evil: 1", "", BODY))
                    .isInstanceOf(ProviderException.class);
        }
    }

    private static Http1Client client(ScriptedServer server) {
        return new Http1Client(server.uri(), TIMEOUT, TIMEOUT);
    }

    private static String text(Http1Client.Response response) throws IOException {
        try (InputStream body = response.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] reply(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads each request (head and Content-Length body) and writes the scripted reply for the n-th
     * request in one write; with {@code closeAfterEach} it then closes the connection without saying so.
     */
    private static final class ScriptedServer implements AutoCloseable {
        private final ServerSocket server;
        private final IntFunction<byte[]> replies;
        private final boolean closeAfterEach;
        private final AtomicInteger connections = new AtomicInteger();
        private final List<String> requests = new CopyOnWriteArrayList<>();

        private ScriptedServer(ServerSocket server, IntFunction<byte[]> replies, boolean closeAfterEach) {
            this.server = server;
            this.replies = replies;
            this.closeAfterEach = closeAfterEach;
        }

        static ScriptedServer start(IntFunction<byte[]> replies, boolean closeAfterEach) throws IOException {
            ScriptedServer scripted = new ScriptedServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                    replies, closeAfterEach);
            Thread.ofVirtual().start(scripted::acceptAll);
            return scripted;
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions");
        }

        AtomicInteger connections() {
            return connections;
        }

        List<String> requests() {
            return requests;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }

        private void acceptAll() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket socket) {
            try (socket) {
                InputStream in = socket.getInputStream();
                while (true) {
                    String request = readRequest(in);
                    if (request.isEmpty()) {
                        return;
                    }
                    int n = requests.size();
                    requests.add(request);
                    socket.getOutputStream().write(replies.apply(n));
                    socket.getOutputStream().flush();
                    if (closeAfterEach) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return "";
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
        }
    }
}
