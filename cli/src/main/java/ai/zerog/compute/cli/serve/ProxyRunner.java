package ai.zerog.compute.cli.serve;

import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.cli.CliSession;
import ai.zerog.compute.cli.ExitCodes;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a started proxy until Ctrl+C (a JVM shutdown) or, in-process, until the command's thread
 * is interrupted; then stops it. Prints where clients connect.
 */
final class ProxyRunner {
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger HELIDON = java.util.logging.Logger.getLogger("io.helidon");

    private ProxyRunner() {
    }

    /**
     * Helidon announces itself at INFO; the proxy prints its own lines. The SDK's auto-funding
     * lines stay, on one line each (effective before the JVM's first log line).
     */
    static void quietLibraries() {
        HELIDON.setLevel(java.util.logging.Level.WARNING);
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        }
    }

    static ProxyLog log(CliEnvironment environment) {
        quietLibraries();
        return ProxyLog.to(environment.out(), Clock.systemUTC());
    }

    /** Starts the proxy on {@code session}'s broker (acknowledging and funding as needed), then serves until stopped. */
    static int serve(ProxyConfig config, CliSession session, CliEnvironment environment) {
        LocalProxy running = LocalProxy.start(config, session.broker(), log(environment));
        session.confirmed();
        return serveUntilStopped(running, environment);
    }

    static int serveUntilStopped(LocalProxy proxy, CliEnvironment environment) {
        PrintStream out = environment.out();
        out.println("Inference service is running on " + proxy.url());
        out.println("OpenAI base URL: " + proxy.url() + "/v1  (answers carry x-0g-verified; streams end with a"
                + " ': x-0g-verification {...}' comment)");
        out.println("Press Ctrl+C to stop.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            proxy.close();
            stopped.countDown();
        }, "inference-proxy-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            stopped.await();
        } catch (InterruptedException e) {
            interrupted = true; // in-process callers stop the proxy by interrupting the command's thread
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
            proxy.close(); // with the interrupt flag clear, so the server can wait for its listeners
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        out.println("Inference service stopped.");
        return ExitCodes.OK;
    }
}
