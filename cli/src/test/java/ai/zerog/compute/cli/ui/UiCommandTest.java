package ai.zerog.compute.cli.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.cli.CliRun;
import ai.zerog.compute.cli.ZgComputeCli;
import ai.zerog.compute.cli.devnet.TestDevnet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ui start-web} as typed: help, aliases and the failures a person can fix before anything is served. */
class UiCommandTest {
    @TempDir
    Path home;

    /** Runs the CLI, capturing output like {@link CliRun}. */
    private CliRun run(String... args) {
        return runWith(new ByteArrayOutputStream(), args);
    }

    private CliRun runWith(ByteArrayOutputStream out, String... args) {
        return runWith(out, new ByteArrayOutputStream(), args);
    }

    private CliRun runWith(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        CliEnvironment environment = new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                Map.of("NO_COLOR", "1"), home, false);
        int code = ZgComputeCli.run(environment, args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldOfferStartWebUnderUiAndItsAliasWebUi() {
        CliRun ui = run("ui", "--help");
        CliRun alias = run("web-ui", "start-web", "--help");

        assertThat(ui.out()).contains("start-web");
        assertThat(alias.exitCode()).isZero();
        assertThat(alias.out()).contains("--port").contains("3090").contains("--host");
    }

    @Test
    void shouldRefuseAHostOtherMachinesCouldReach() {
        CliRun run = run("ui", "start-web", "--host", "0.0.0.0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("loopback only").contains("--host localhost");
    }

    @Test
    void shouldSayThePortIsTakenAndSuggestAnother() throws IOException {
        String rpc = TestDevnet.shared().network().rpcUrl().toString();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            CliRun run = run("ui", "start-web", "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--rpc", rpc);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("port " + port).contains("already in use")
                    .contains("--port " + (port + 1));
        }
    }

    @Test
    void shouldServeThePagesAndPrintTheUrl() throws Exception {
        Served served = serve("--rpc", TestDevnet.shared().network().rpcUrl().toString());

        assertThat(served.out()).contains("🚀 Web UI running on " + served.url()).contains("chain 31337");
        assertThat(served.homePage()).contains("/js/home.js");
    }

    /** Like the official command: no key and no RPC are needed to serve the pages, and nothing is asked. */
    @Test
    void shouldServeForTestnetWhenNoNetworkIsConfigured() throws Exception {
        Served served = serve();

        assertThat(served.out()).contains("🚀 Web UI running on " + served.url()).contains("for testnet (chain 16602");
        assertThat(served.err()).contains("No network configured: using 0G testnet").contains("setup-network");
        assertThat(served.homePage()).contains("/js/home.js");
    }

    @Test
    void shouldServeWithAWarningWhenTheRpcDoesNotAnswer() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }

        Served served = serve("--rpc", "http://127.0.0.1:" + closed);

        assertThat(served.err()).contains("cannot reach the RPC endpoint http://127.0.0.1:" + closed)
                .contains("starting anyway");
        assertThat(served.out()).contains("RPC http://127.0.0.1:" + closed);
        assertThat(served.homePage()).contains("/js/home.js");
    }

    private record Served(String url, String out, String err, String homePage) {
    }

    /**
     * Runs {@code ui start-web} on a free loopback port with {@code args}. The command keeps
     * serving until the JVM stops (its shutdown hook closes the server), so the run is left in a
     * daemon thread; this waits for the URL it prints and loads the home page.
     */
    private Served serve(String... args) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of("ui", "start-web", "--host",
                "127.0.0.1", "--port", Integer.toString(port)));
        line.addAll(java.util.List.of(args));
        Thread serving = Thread.ofVirtual().start(() -> runWith(out, err, line.toArray(String[]::new)));
        String url = "http://127.0.0.1:" + port;
        for (int i = 0; i < 600 && serving.isAlive() && !out.toString(StandardCharsets.UTF_8).contains(url); i++) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        assertThat(serving.isAlive()).as("start-web stopped: %s", err.toString(StandardCharsets.UTF_8)).isTrue();
        java.net.http.HttpResponse<String> home = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        return new Served(url, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), home.body());
    }

    @Test
    void shouldDescribeTheLocalIdentityWithoutAskingForAPassword() {
        assertThat(CliLocalIdentity.describe(environment(Map.of()))).isEmpty();
        assertThat(CliLocalIdentity.describe(environment(Map.of("ZG_PRIVATE_KEY", "0x01"))))
                .hasValue("the key in ZG_PRIVATE_KEY");
        assertThat(CliLocalIdentity.of(environment(Map.of()), new ai.zerog.compute.cli.NetworkOptions()).description())
                .isEqualTo("none");
    }

    private CliEnvironment environment(Map<String, String> variables) {
        PrintStream sink = new PrintStream(java.io.OutputStream.nullOutputStream());
        return new CliEnvironment(sink, sink, new ByteArrayInputStream(new byte[0]), variables, home, false);
    }
}
