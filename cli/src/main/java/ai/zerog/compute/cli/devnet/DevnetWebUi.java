package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.cli.NetworkOptions;
import ai.zerog.compute.cli.ui.CliLocalIdentity;
import ai.zerog.compute.web.PortInUseException;
import ai.zerog.compute.web.WebUiConfig;
import ai.zerog.compute.web.WebUiServer;
import java.util.Optional;

/** The web UI that {@code devnet up} serves next to the devnet, with the dev wallet as its local identity. */
final class DevnetWebUi {
    private DevnetWebUi() {
    }

    /** The running UI, or empty (with a line saying how to start it) when its port is taken: the devnet matters more. */
    /** The UI's own state (its API keys) lives in the devnet's folder, so {@code devnet reset} forgets it too. */
    static Optional<WebUiServer> start(CliEnvironment environment, LocalDevnet devnet, int port, java.nio.file.Path dataDir) {
        NetworkOptions network = NetworkOptions.of(Optional.of(devnet.network().rpcUrl().toString()),
                Optional.of(devnet.network().ledger()), Optional.of(devnet.network().inference()));
        try {
            return Optional.of(WebUiServer.start(new WebUiConfig(WebUiConfig.DEFAULT_HOST, port, devnet.network()),
                    CliLocalIdentity.of(environment, network), dataDir.resolve("web-ui")));
        } catch (PortInUseException e) {
            environment.err().println("⚠ Web UI not started: " + e.getMessage()
                    + ". Start it with: 0g-compute-cli ui start-web --port " + (port + 1));
            return Optional.empty();
        }
    }
}
