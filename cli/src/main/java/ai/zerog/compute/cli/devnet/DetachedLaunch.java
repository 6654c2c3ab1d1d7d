package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.cli.ZgComputeCli;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code devnet up --detach}: runs {@code devnet up} in a child JVM (same classpath) writing to
 * {@code devnet.log}, and returns once the child has recorded itself as serving, or fails with
 * the log's last lines when the child gives up.
 */
final class DetachedLaunch {
    /** The first start may install the node tools (npm ci) before anvil runs. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private DetachedLaunch() {
    }

    static void start(CliEnvironment environment, DevnetFiles files, DevnetOptions options) throws InterruptedException {
        PrivateFiles.createDirectory(files.dataDir());
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Duser.home=" + environment.home(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", absoluteClassPath(), ZgComputeCli.class.getName(), "devnet", "up",
                "--data-dir", files.dataDir().toString(),
                "--rpc-port", Integer.toString(options.rpcPort()),
                "--provider-port", Integer.toString(options.firstProviderPort())));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(files.detachedLog().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment.env());
        builder.environment().put("HOME", environment.home().toString());
        // the mnemonic travels in the environment, never on a command line other users can read
        options.mnemonic().ifPresent(words -> builder.environment().put(DevnetUpCommand.MNEMONIC_VARIABLE, words));
        environment.out().println("Starting the 0G devnet in the background (log: " + files.detachedLog() + ") ...");
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            throw new CliFailure("cannot start a background java process: " + e.getMessage(),
                    "Run '0g-compute-cli devnet up' in the foreground instead");
        }
        awaitReady(child, files);
        DevnetState state = DevnetState.read(files.dataDir()).orElseThrow();
        environment.out().println("✓ Devnet is up (pid " + child.pid() + ")");
        SummaryPrinter.print(environment.out(), state.summary(), files.dataDir(), state.accounts().isDefault());
        environment.out().println("ℹ The CLI now uses this devnet and the dev wallet. Stop it with: 0g-compute-cli devnet down");
    }

    private static void awaitReady(Process child, DevnetFiles files) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (RunRecord.read(files.runFile()).filter(r -> r.pid() == child.pid()).isPresent()) {
                return;
            }
            try {
                child.onExit().get(200, TimeUnit.MILLISECONDS);
                throw new CliFailure("the background devnet stopped during start-up (exit code " + child.exitValue()
                        + "):" + System.lineSeparator() + tail(files.detachedLog()),
                        "See the whole log in " + files.detachedLog());
            } catch (TimeoutException stillStarting) {
                // look for the run record again
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        child.destroy();
        throw new CliFailure("the background devnet was not ready after " + READY_TIMEOUT.toMinutes() + " minutes",
                "See " + files.detachedLog());
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The child may not share our working folder forever: give it absolute class path entries. */
    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
