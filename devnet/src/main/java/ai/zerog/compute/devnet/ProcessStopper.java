package ai.zerog.compute.devnet;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process gracefully (SIGTERM), forcibly (SIGKILL) if it has not exited after a grace period. */
final class ProcessStopper {

    static final Duration GRACE = Duration.ofSeconds(10);

    private ProcessStopper() {
    }

    /** Stops {@code process} and then whatever it started. */
    static void stopWithDescendants(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        stop(process.toHandle());
        descendants.forEach(ProcessStopper::stop);
    }

    static void stop(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        if (awaitExit(handle)) {
            return;
        }
        handle.destroyForcibly();
        awaitExit(handle);
    }

    private static boolean awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
            return false;
        } catch (Exception notYet) {
            return !handle.isAlive();
        }
    }
}
