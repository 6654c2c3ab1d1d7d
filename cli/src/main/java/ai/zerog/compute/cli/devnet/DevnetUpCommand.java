package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliConfig;
import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.cli.ExitCodes;
import ai.zerog.compute.cli.ZgComputeCli;
import ai.zerog.compute.web.WebUiServer;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code devnet up}: starts the devnet (or brings a saved one back), runs one verified chat, makes
 * it the CLI's network and identity, and serves until Ctrl-C or {@code devnet down}.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the devnet (anvil, contracts, three dev providers, a funded dev wallet) and serve until Ctrl-C")
public final class DevnetUpCommand implements Callable<Integer> {
    /** The mnemonic for scripts, kept off the command line (which other users can see in {@code ps}). */
    static final String MNEMONIC_VARIABLE = "ZG_DEVNET_MNEMONIC";
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final List<Logger> QUIETED = List.of("io.helidon", "org.flywaydb", "com.zaxxer.hikari").stream()
            .map(Logger::getLogger).toList();

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--rpc-port", paramLabel = "<port>", defaultValue = "8545",
            description = "Port of the anvil JSON-RPC (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int rpcPort;

    @Option(names = "--provider-port", paramLabel = "<port>", defaultValue = "8080",
            description = "Port of the chatbot provider; text-to-image and speech-to-text use the next two"
                    + " (default: ${DEFAULT-VALUE}; 0 picks free ones)")
    int providerPort;

    @Option(names = "--mnemonic", paramLabel = "<words>",
            description = "BIP-39 mnemonic of the devnet accounts (default: $" + MNEMONIC_VARIABLE + ", else the one the"
                    + " data folder was created with, else anvil's well-known test mnemonic)")
    String mnemonic;

    @Option(names = "--detach", description = "Start in the background and return once the devnet is ready")
    boolean detach;

    @Option(names = "--ui-port", paramLabel = "<port>", defaultValue = "3090",
            description = "Port of the web UI served with the devnet (default: ${DEFAULT-VALUE})")
    int uiPort;

    @Option(names = "--no-ui", description = "Do not serve the web UI")
    boolean noUi;

    @Override
    public Integer call() throws InterruptedException {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        DevnetFiles files = data.files(environment);
        RunRecord.running(files.runFile()).ifPresent(running -> {
            throw new CliFailure("a devnet is already running from " + files.dataDir() + " (pid " + running.pid() + ")",
                    "See it with '0g-compute-cli devnet status', or stop it with '0g-compute-cli devnet down'");
        });
        DevnetOptions options = new DevnetOptions(files.dataDir(), rpcPort, providerPort, Optional.ofNullable(mnemonic).or(() -> environment.variable(MNEMONIC_VARIABLE)),
                java.time.Duration.ofMinutes(1));
        if (detach) {
            DetachedLaunch.start(environment, files, options);
            return ExitCodes.OK;
        }
        quietLibraries();
        PrintStream out = environment.out();
        out.println("Starting the 0G devnet ...");
        LocalDevnet devnet = LocalDevnet.start(options, line -> out.println("  " + line));
        ServingDevnet serving;
        Optional<WebUiServer> webUi = Optional.empty();
        try {
            VerifiedChat chat = devnet.verifiedChat("Hello, 0G devnet!");
            out.println("  Demo chat: \"" + chat.reply().replaceAll("\\s*\\R\\s*", " ") + "\"");
            out.println("    usage " + chat.usageJson() + ", signature by the TEE signer "
                    + (chat.verified() ? "verified" : "NOT verified: " + chat.failure().orElse("unknown reason")));
            if (!chat.verified()) {
                throw new CliFailure("the demo chat's TEE signature did not verify", "Run again with VERBOSE=true and"
                        + " report it; '0g-compute-cli devnet reset' starts from a clean state");
            }
            makeActive(environment, devnet, files);
            webUi = noUi ? Optional.empty() : DevnetWebUi.start(environment, devnet, uiPort, files.dataDir());
            serving = ServingDevnet.serve(devnet, files, out);
        } catch (RuntimeException e) {
            webUi.ifPresent(WebUiServer::close);
            devnet.close();
            throw e;
        }
        out.println();
        out.println("✓ Devnet is up");
        SummaryPrinter.print(out, devnet.summary(), files.dataDir(), devnet.accounts().isDefault());
        webUi.ifPresent(ui -> out.println("  Web UI            " + ui.url() + "  (connect the local identity: the dev wallet)"));
        out.println("ℹ The CLI now uses this devnet and the dev wallet (try: 0g-compute-cli get-account).");
        out.println("  These are public dev keys: never use them on a real network.");
        out.println("Serving until Ctrl-C or '0g-compute-cli devnet down'; the state is kept.");
        out.flush();
        serving.awaitStop();
        serving.forgetShutdownHook();
        webUi.ifPresent(WebUiServer::close);
        return ExitCodes.OK;
    }

    /**
     * Helidon, Flyway and Hikari announce themselves at INFO and SLF4J warns it has no backend; the
     * devnet prints its own progress instead. The providers' own log lines (settlement rounds) stay,
     * on one line each. Takes effect only before the first log line of this JVM, which is the case here.
     */
    private static void quietLibraries() {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        }
    }

    /** The devnet becomes the CLI's network and the dev wallet its identity; its state is the active devnet. */
    private static void makeActive(CliEnvironment environment, LocalDevnet devnet, DevnetFiles files) {
        DevnetSummary summary = devnet.summary();
        if (!DevnetState.activeFile(environment).equals(files.stateFile())) {
            new DevnetState(summary, devnet.accounts().mnemonic(), files.dataDir())
                    .writeTo(DevnetState.activeFile(environment));
        }
        CliConfig.load(environment).withDevnet(summary.rpc().toString(), summary.ledger(), summary.inference(),
                summary.user().accountIndex()).save(environment);
    }
}
