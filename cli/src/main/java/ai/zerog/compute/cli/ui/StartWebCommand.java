package ai.zerog.compute.cli.ui;

import ai.zerog.compute.cli.CliBrokers;
import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.cli.ExitCodes;
import ai.zerog.compute.cli.NetworkOptions;
import ai.zerog.compute.cli.ResolvedNetwork;
import ai.zerog.compute.cli.ZgComputeCli;
import ai.zerog.compute.sdk.StatusApi;
import ai.zerog.compute.web.PortInUseException;
import ai.zerog.compute.web.WebUiConfig;
import ai.zerog.compute.web.WebUiException;
import ai.zerog.compute.web.WebUiServer;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ui start-web [--port 3090]}: serves the web UI on localhost for the resolved network and
 * runs until Ctrl+C. Like the official command it needs neither a key nor a reachable RPC to start
 * (no network configured means 0G testnet; an RPC that does not answer is a warning). The CLI's identity is opened only when the page connects it, and its key
 * stays in this process.
 */
@Command(name = "start-web", description = "Start the web UI on localhost (Ctrl+C stops it)",
        mixinStandardHelpOptions = true)
public final class StartWebCommand implements Callable<Integer> {
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger HELIDON = Logger.getLogger("io.helidon");

    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Option(names = {"-p", "--port"}, defaultValue = "3090", paramLabel = "<port>",
            description = "Port to listen on (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = {"-H", "--host"}, defaultValue = "localhost", paramLabel = "<host>",
            description = "Loopback address to bind (default: ${DEFAULT-VALUE}); the UI is never served to other machines")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        HELIDON.setLevel(Level.WARNING); // the command prints its own start-up lines
        PrintStream out = environment.out();
        try {
            WebUiConfig.requireLoopback(host);
        } catch (WebUiException e) {
            throw new CliFailure(e.getMessage(), "Run: 0g-compute-cli ui start-web --host localhost");
        }
        if (port < 1 || port > 65535) {
            throw new CliFailure("--port must be 1..65535, got " + port, "Run: 0g-compute-cli ui start-web --port 3090");
        }
        ResolvedNetwork resolved = CliBrokers.networkWithoutAsking(environment, network);
        WebUiConfig config;
        try {
            config = new WebUiConfig(host, port, resolved.profile()).withStatusApiSetting(
                    environment.variable(WebUiConfig.STATUS_API_VARIABLE).orElse(""));
        } catch (WebUiException e) {
            throw new CliFailure(e.getMessage(), "Set " + WebUiConfig.STATUS_API_VARIABLE + "="
                    + StatusApi.TESTNET + " (or off to skip health metrics), or unset it.");
        }
        WebUiServer server;
        try {
            server = WebUiServer.start(config, CliLocalIdentity.of(environment, network),
                    environment.configDir().resolve("web-ui"));
        } catch (PortInUseException e) {
            throw new CliFailure(e.getMessage(), "Run: 0g-compute-cli ui start-web --port "
                    + (port == 65535 ? 3091 : port + 1));
        }
        out.println("🌐 0G Compute web UI for " + resolved.profile().name() + " (chain " + resolved.profile().chainId()
                + ", RPC " + resolved.profile().rpcUrl() + ")");
        out.println("🚀 Web UI running on " + server.url());
        out.println("   Connect the local identity or a browser wallet in the page. Press Ctrl+C to stop.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("🛑 Shutting down server...");
            server.close();
            out.println("✅ Server shut down gracefully");
            out.flush();
            stopped.countDown();
        }, "web-ui-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
