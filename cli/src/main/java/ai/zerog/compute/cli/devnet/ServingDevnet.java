package ai.zerog.compute.cli.devnet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A devnet that {@code devnet up} keeps serving until it is stopped: by Ctrl-C or a signal (the
 * JVM's shutdown hook), or by {@code devnet down}. Stopping saves the chain, then deletes the run
 * record, so whoever waits for the record to vanish knows the state is on disk. Devnets served by
 * this JVM are kept by data folder, so a {@code down} in the same JVM (tests) stops them directly.
 */
final class ServingDevnet {
    private static final Map<Path, ServingDevnet> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final LocalDevnet devnet;
    private final DevnetFiles files;
    private final PrintStream out;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread shutdownHook;

    private ServingDevnet(LocalDevnet devnet, DevnetFiles files, PrintStream out) {
        this.devnet = devnet;
        this.files = files;
        this.out = out;
        this.shutdownHook = new Thread(this::stop, "devnet-shutdown");
    }

    /** Records this process as the devnet's server and arranges for Ctrl-C to stop it cleanly; {@code out} hears when it has. */
    static ServingDevnet serve(LocalDevnet devnet, DevnetFiles files, PrintStream out) {
        ServingDevnet serving = new ServingDevnet(devnet, files, out);
        IN_THIS_JVM.put(files.dataDir(), serving);
        Runtime.getRuntime().addShutdownHook(serving.shutdownHook);
        RunRecord.ofThisProcess().writeTo(files.runFile());
        return serving;
    }

    static Optional<ServingDevnet> inThisJvm(Path dataDir) {
        return Optional.ofNullable(IN_THIS_JVM.get(dataDir));
    }

    /** Blocks until the devnet has been stopped and its state saved. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops everything, saves the chain, then deletes the run record. Idempotent. */
    synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            devnet.close();
            Files.deleteIfExists(files.runFile());
            out.println("✓ Devnet stopped; state saved in " + files.dataDir());
            out.flush();
        } catch (IOException e) {
            // a leftover run record names a dead process: status reads it as stopped
        } finally {
            IN_THIS_JVM.remove(files.dataDir(), this);
            stopped.countDown();
        }
    }

    /** After a stop outside JVM shutdown, the hook is no longer needed (tests start many devnets). */
    void forgetShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing to remove
        }
    }
}
