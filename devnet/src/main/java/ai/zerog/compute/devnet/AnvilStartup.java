package ai.zerog.compute.devnet;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Launches anvil and waits until it is ready: first its "Listening on" line gives the port (so
 * port 0 works without a race), then eth_chainId is polled with a growing back-off until it answers.
 * On failure the process is stopped and the error carries anvil's last log lines.
 */
final class AnvilStartup {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(10);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(250);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    record Started(Process process, AnvilLog log, int port, long chainId) {
    }

    private final AnvilOptions options;
    private final Process process;
    private final AnvilLog log;
    private final long deadline;

    private AnvilStartup(AnvilOptions options, Process process, AnvilLog log) {
        this.options = options;
        this.process = process;
        this.log = log;
        this.deadline = System.nanoTime() + options.startupTimeout().toNanos();
    }

    static Started launch(Path binary, AnvilOptions options) {
        createStateFolder(options);
        AnvilLog log = AnvilLog.open(options.logFile());
        Process process;
        try {
            process = new ProcessBuilder(AnvilCommand.of(binary, options)).redirectErrorStream(true).start();
        } catch (IOException e) {
            log.closeFile();
            throw new DevnetException("could not start anvil at " + binary + ": " + e.getMessage(), e);
        }
        try {
            RunningNodes.add(process);
            process.getOutputStream().close();
            log.drain(process.getInputStream(), "anvil-output-" + process.pid());
            AnvilStartup startup = new AnvilStartup(options, process, log);
            int port = startup.awaitListeningPort();
            return new Started(process, log, port, startup.awaitChainId(port));
        } catch (IOException | RuntimeException e) {
            ProcessStopper.stopWithDescendants(process);
            RunningNodes.remove(process);
            throw e instanceof DevnetException devnet ? devnet
                    : new DevnetException("anvil failed to start: " + e.getMessage(), e);
        }
    }

    static URI rpcUrl(String host, int port) {
        String reachable = switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return URI.create("http://" + reachable + ":" + port);
    }

    private int awaitListeningPort() {
        try {
            return log.listeningPort().get(remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException exitedFirst) {
            throw exited();
        } catch (TimeoutException e) {
            throw timedOut("print its \"Listening on\" line");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevnetException("interrupted while waiting for anvil to start", e);
        }
    }

    private long awaitChainId(int port) {
        URI url = rpcUrl(options.host(), port);
        Duration backoff = FIRST_BACKOFF;
        try (JsonRpcClient probe = new JsonRpcClient(url)) {
            OptionalLong chainId = probeChainId(probe);
            while (chainId.isEmpty()) {
                if (remainingNanos() <= 0) {
                    throw timedOut("answer eth_chainId on " + url);
                }
                waitForExitOrBackoff(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                chainId = probeChainId(probe);
            }
            if (chainId.getAsLong() != options.chainId()) {
                throw new DevnetException("anvil on " + url + " answers chain id " + chainId.getAsLong()
                        + ", expected " + options.chainId() + "; does the state file belong to another chain?");
            }
            return chainId.getAsLong();
        }
    }

    private static OptionalLong probeChainId(JsonRpcClient probe) {
        try {
            return OptionalLong.of(JsonText.quantity(probe.call("eth_chainId", "[]", PROBE_TIMEOUT)).longValueExact());
        } catch (DevnetException notReadyYet) {
            return OptionalLong.empty();
        }
    }

    // Returns early if anvil dies, so a crash is reported at once rather than at the timeout.
    private void waitForExitOrBackoff(Duration backoff) {
        try {
            process.onExit().get(Math.min(backoff.toNanos(), remainingNanos()), TimeUnit.NANOSECONDS);
            throw exited();
        } catch (TimeoutException stillRunning) {
            // poll again
        } catch (ExecutionException e) {
            throw new DevnetException("could not watch the anvil process", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevnetException("interrupted while waiting for anvil to start", e);
        }
    }

    private DevnetException exited() {
        awaitExit();
        log.awaitEnd(Duration.ofSeconds(2));
        if (log.contains("Address already in use")) {
            return new DevnetException("anvil could not listen on " + options.host() + ":" + options.port()
                    + " because the port is already in use. Stop whatever listens there (an earlier devnet or"
                    + " anvil still running?) or choose another port; port 0 picks a free one." + logHint());
        }
        return new DevnetException("anvil exited with code " + exitCode() + " while starting; last log lines:\n"
                + log.lastLinesText() + logHint());
    }

    private DevnetException timedOut(String what) {
        return new DevnetException("anvil did not " + what + " within " + options.startupTimeout()
                + "; last log lines:\n" + log.lastLinesText() + logHint());
    }

    private String logHint() {
        return options.logFile().map(file -> "\n(full log: " + file.toAbsolutePath() + ")").orElse("");
    }

    private void awaitExit() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String exitCode() {
        return process.isAlive() ? "?" : Integer.toString(process.exitValue());
    }

    private long remainingNanos() {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static void createStateFolder(AnvilOptions options) {
        options.stateFile().map(file -> file.toAbsolutePath().getParent()).ifPresent(folder -> {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new DevnetException("could not create the folder of the anvil state file " + folder, e);
            }
        });
    }
}
