package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the model server is down, failing, stalled or cuts a stream, the client gets a clear
 * answer and nothing is charged.
 */
class BrokerUpstreamFailureTest {
    private static final Duration IDLE = Duration.ofMillis(500);

    @TempDir
    static Path dir;
    private static final SwitchableUpstream upstream = new SwitchableUpstream();
    private static BrokerFixture broker;
    private static BrokerClient client;

    @BeforeAll
    static void startBroker() {
        broker = new BrokerFixture(dir, BrokerFixture.defaultConfig(), upstream, Clock.systemUTC());
        client = new BrokerClient(broker.server.url(), broker.provider.checksummed());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldAnswer502AndChargeNothingWhenTheUpstreamIsDown() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        upstream.use(httpUpstream(URI.create("http://127.0.0.1:" + closedPort + "/v1")));
        Secp256k1Key user = broker.user(Units.og(10), Units.og(3));

        HttpResponse<String> response = client.chat(client.bearer(user), BrokerClient.chatBody("hi"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"error\":\"Bad Gateway\"}");
        assertThat(broker.store.unsettledFee(user.address())).isZero();
    }

    @Test
    void shouldPassAnUpstreamErrorThroughAndChargeNothing() throws IOException {
        HttpServer failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] error = "{\"error\":{\"message\":\"model crashed\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8);
        failing.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(500, error.length);
            exchange.getResponseBody().write(error);
            exchange.close();
        });
        failing.start();
        try {
            upstream.use(httpUpstream(URI.create("http://127.0.0.1:" + failing.getAddress().getPort() + "/v1")));
            Secp256k1Key user = broker.user(Units.og(10), Units.og(3));

            HttpResponse<String> response = client.chat(client.bearer(user), BrokerClient.chatBody("hi"));

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo(new String(error, StandardCharsets.UTF_8));
            assertThat(response.headers().firstValue("ZG-Res-Key")).isEmpty();
            assertThat(broker.store.unsettledFee(user.address())).isZero();
        } finally {
            failing.stop(0);
        }
    }

    @Test
    void shouldAnswer502AndChargeNothingWhenTheUpstreamNeverAnswers() throws IOException {
        try (StallingServer stalled = StallingServer.start("")) {
            upstream.use(httpUpstream(stalled.baseUrl()));
            Secp256k1Key user = broker.user(Units.og(10), Units.og(3));

            HttpResponse<String> response = client.chat(client.bearer(user), BrokerClient.chatBody("hi"));

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(broker.store.unsettledFee(user.address())).isZero();
        }
    }

    @Test
    void shouldChargeNothingForAStreamCutOffBeforeDone() throws IOException {
        String partial = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk("data: {\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n");
        try (StallingServer stalled = StallingServer.start(partial)) {
            upstream.use(httpUpstream(stalled.baseUrl()));
            Secp256k1Key user = broker.user(Units.og(10), Units.og(3));

            HttpResponse<String> response = client.chat(client.bearer(user),
                    "{\"model\":\"dev-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Hel").doesNotContain("[DONE]");
            assertThat(broker.store.unsettledFee(user.address())).isZero();
        }
    }

    @Test
    void shouldRecoverWhenTheUpstreamComesBack() {
        upstream.use(DevModel.create());
        Secp256k1Key user = broker.user(Units.og(10), Units.og(3));

        HttpResponse<String> response = client.chat(client.bearer(user), BrokerClient.chatBody("hi"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(broker.store.unsettledFee(user.address())).isPositive();
    }

    private static Upstream httpUpstream(URI base) {
        return OpenAiUpstream.create(OpenAiUpstreamConfig.of(base).withConnectTimeout(IDLE).withIdleTimeout(IDLE));
    }

    private static String chunk(String text) {
        return Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + text + "\r\n";
    }

    /** Lets one broker talk to a different upstream per test. */
    private static final class SwitchableUpstream implements Upstream {
        private volatile Upstream target = DevModel.create();

        void use(Upstream next) {
            target = next;
        }

        @Override
        public UpstreamResponse send(UpstreamRequest request) {
            return target.send(request);
        }
    }
}
