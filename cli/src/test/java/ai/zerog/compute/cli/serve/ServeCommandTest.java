package ai.zerog.compute.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.cli.CliRun;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.ZgComputeBroker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inference serve} and {@code router-serve} as typed, in-process. */
class ServeCommandTest {
    static final String SOME_PROVIDER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @TempDir
    Path home;

    @Test
    void shouldRefuseAHostBeyondThisMachineWithoutAClientKey() {
        CliRun run = CliRun.of(home, "inference", "serve", "--provider", SOME_PROVIDER, "--host", "0.0.0.0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("✗ Operation failed: --host 0.0.0.0 makes the proxy reachable from other machines")
                .contains("ZG_SERVE_API_KEY");
        assertThat(run.out()).doesNotContain("Initializing broker");
    }

    @Test
    void shouldSayThePortIsInUseBeforeAnyChainWork() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CliRun run = CliRun.of(home, "inference", "serve", "--provider", SOME_PROVIDER, "--port", String.valueOf(port));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("✗ Operation failed: Port " + port + " is already in use")
                    .contains("--port " + (port + 1)).contains("lsof -i :" + port);
        }
    }

    @Test
    void shouldAskForAProviderOrAModel() {
        CliRun run = CliRun.of(home, "inference", "serve");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no provider to serve").contains("--provider <address>");
    }

    @Test
    void shouldRefuseRouterServeWithoutTargetsOrWithMalformedOnes() {
        assertThat(CliRun.of(home, "inference", "router-serve").err())
                .contains("Must specify either --add-provider or --add-endpoint");
        assertThat(CliRun.of(home, "inference", "router-serve", "--add-provider", ",5").err())
                .contains("Invalid provider format ',5'. Use: address,priority");
        CliRun endpoint = CliRun.of(home, "inference", "router-serve", "--add-endpoint", "only-an-id");
        assertThat(endpoint.exitCode()).isEqualTo(1);
        assertThat(endpoint.err()).contains("Invalid endpoint format");
        assertThat(CliRun.of(home, "inference", "router-serve", "--add-endpoint", "x,ftp://host,sk-hidden,m,1").err())
                .contains("endpoint x URL 'ftp://host' must start with http:// or https://").doesNotContain("sk-hidden");
        assertThat(CliRun.of(home, "inference", "router-serve", "--add-endpoint", "x,http://h,sk-hidden,m,high").err())
                .contains("Invalid endpoint format 'x,http://h,***").doesNotContain("sk-hidden");
    }

    @Test
    void shouldServeAProviderUntilStopped() {
        Secp256k1Key key = ServeNetwork.newFundedKey();
        try (ZgComputeBroker wallet = ZgComputeBroker.create(key, ServeNetwork.devnet().network())) {
            wallet.ledger().addLedger(Units.og(20));
        }
        int port = ServeNetwork.freePort();
        Running serve = Running.start(home, Map.of("ZG_PRIVATE_KEY", String.format("%064x", key.privateKey())),
                "inference", "serve", "--provider", ServeNetwork.provider("chatbot").checksummed(),
                "--port", String.valueOf(port), "--rpc", ServeNetwork.devnet().network().rpcUrl().toString());
        ProxyCalls calls = serve.awaitHealthy(port);

        ProxyCalls.Reply chat = calls.postJson("/v1/chat/completions", ProxyCalls.chat("hello from the CLI"));
        assertThat(chat.status()).as(chat.body()).isEqualTo(200);
        assertThat(chat.header("x-0g-verified")).contains("true");

        CliRun run = serve.stop();
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("Initializing broker...")
                .contains("Inference service is running on http://127.0.0.1:" + port)
                .contains("POST /v1/chat/completions -> " + ServeNetwork.provider("chatbot").checksummed() + " 200 verified=true")
                .contains("Inference service stopped.")
                .doesNotContain(String.format("%064x", key.privateKey()));
    }

    @Test
    void shouldRouteToDirectEndpointsWithoutAWalletAndOverwriteTheModel() {
        String completion = "{\"id\":\"chatcmpl-direct\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}";
        try (FakeUpstream direct = FakeUpstream.answering(200, completion, Map.of())) {
            int port = ServeNetwork.freePort();
            Running router = Running.start(home, Map.of(), "inference", "router-serve",
                    "--add-endpoint", "direct," + direct.baseUrl() + ",sk-direct-key,direct-model,1",
                    "--port", String.valueOf(port));
            ProxyCalls calls = router.awaitHealthy(port);

            ProxyCalls.Reply chat = calls.postJson("/v1/chat/completions",
                    "{\"model\":\"whatever\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
            assertThat(chat.status()).isEqualTo(200);
            assertThat(chat.header("x-0g-verified")).contains("unverifiable");
            assertThat(chat.header("x-0g-verification-reason").orElseThrow()).startsWith("direct endpoint");
            assertThat(direct.lastRequest()).startsWith("POST /v1/chat/completions Bearer sk-direct-key ")
                    .contains("\"model\":\"direct-model\"");

            CliRun run = router.stop();
            assertThat(run.exitCode()).isEqualTo(0);
            assertThat(run.out()).contains("No on-chain providers: skipping broker initialization")
                    .doesNotContain("sk-direct-key");
        }
    }

    /** A CLI run in its own thread, stopped by interrupting it (as Ctrl+C stops the real one). */
    private record Running(Thread thread, CompletableFuture<CliRun> done) {
        static Running start(Path home, Map<String, String> env, String... args) {
            CompletableFuture<CliRun> done = new CompletableFuture<>();
            Thread thread = Thread.ofPlatform().name("cli-serve-under-test").start(() -> {
                try {
                    done.complete(CliRun.of(home, env, "", args));
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            });
            return new Running(thread, done);
        }

        ProxyCalls awaitHealthy(int port) {
            ProxyCalls calls = new ProxyCalls(URI.create("http://127.0.0.1:" + port));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (true) {
                if (done.isDone()) {
                    CliRun run = done.join();
                    throw new AssertionError("the command ended early with " + run.exitCode() + ":\n" + run.out() + run.err());
                }
                try {
                    if (calls.get("/health").status() == 200) {
                        return calls;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the proxy did not answer /health on port " + port + " within 2 minutes");
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }

        CliRun stop() {
            thread.interrupt();
            try {
                return done.get(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new AssertionError("the command did not stop after an interrupt", e);
            }
        }
    }
}
