package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream client's TLS path against a real HTTPS server (the JDK's) with a certificate made
 * for 127.0.0.1 by keytool: it talks TLS, keeps the connection alive, and checks both the
 * certificate chain and the host name.
 */
class Http1ClientTlsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final byte[] REQUEST = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static SSLContext trustingTheServer;
    private static final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startHttpsServer() throws Exception {
        KeyStore keys = selfSignedFor127001(dir.resolve("upstream.p12"));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("upstream", keys.getCertificate("upstream"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        trustingTheServer = SSLContext.getInstance("TLS");
        trustingTheServer.init(null, trustManagers.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/v1/chat/completions", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] asked = exchange.getRequestBody().readAllBytes();
            byte[] answer = ("{\"echo\":" + new String(asked, StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopHttpsServer() {
        server.stop(0);
    }

    @Test
    void shouldPostOverTlsAndKeepTheConnection() throws IOException {
        URI upstream = uri("127.0.0.1");
        try (Http1Client client = new Http1Client(upstream, TIMEOUT, TIMEOUT, trustingTheServer.getSocketFactory())) {
            clientPorts.clear();
            for (int i = 0; i < 3; i++) {
                Http1Client.Response response = client.post(upstream, "application/json", "Bearer k", REQUEST);

                assertThat(response.head().status()).isEqualTo(200);
                assertThat(text(response)).isEqualTo("{\"echo\":{\"model\":\"m\"}}");
            }

            assertThat(clientPorts).as("one TLS connection for three requests").hasSize(1);
        }
    }

    @Test
    void shouldRefuseAServerItsTrustStoreDoesNotVouchFor() {
        URI upstream = uri("127.0.0.1");
        try (Http1Client client = new Http1Client(upstream, TIMEOUT, TIMEOUT)) { // the JDK's default trust store
            assertThatThrownBy(() -> client.post(upstream, "application/json", "", REQUEST))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void shouldRefuseACertificateForAnotherHostName() {
        URI upstream = uri("localhost"); // the certificate names only the address 127.0.0.1
        try (Http1Client client = new Http1Client(upstream, TIMEOUT, TIMEOUT, trustingTheServer.getSocketFactory())) {
            assertThatThrownBy(() -> client.post(upstream, "application/json", "", REQUEST))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("localhost");
        }
    }

    private static URI uri(String host) {
        return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/v1/chat/completions");
    }

    private static String text(Http1Client.Response response) throws IOException {
        try (InputStream body = response.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A key and self-signed certificate for IP 127.0.0.1, made by the JDK's keytool. */
    private static KeyStore selfSignedFor127001(Path file) throws IOException, InterruptedException,
            GeneralSecurityException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "upstream",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }
}
