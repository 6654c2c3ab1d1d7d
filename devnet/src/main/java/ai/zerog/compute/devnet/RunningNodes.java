package ai.zerog.compute.devnet;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every anvil process this JVM started and has not stopped yet. A shutdown hook stops them, so
 * Ctrl-C or a test JVM exiting leaves no orphan.
 */
final class RunningNodes {

    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
    private static boolean hookInstalled;

    private RunningNodes() {
    }

    static void add(Process process) {
        installHook();
        PROCESSES.add(process);
    }

    static void remove(Process process) {
        PROCESSES.remove(process);
    }

    private static synchronized void installHook() {
        if (hookInstalled) {
            return;
        }
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(RunningNodes::stopAll, "zerog-devnet-anvil-stopper"));
            hookInstalled = true;
        } catch (IllegalStateException shuttingDown) {
            throw new DevnetException("the JVM is shutting down: not starting anvil", shuttingDown);
        }
    }

    // Signal all first, then wait, so several nodes write their state files in parallel.
    private static void stopAll() {
        List<Process> processes = List.copyOf(PROCESSES);
        List<ProcessHandle> descendants = processes.stream().flatMap(Process::descendants).toList();
        processes.forEach(Process::destroy);
        processes.forEach(process -> ProcessStopper.stop(process.toHandle()));
        descendants.forEach(ProcessStopper::stop);
    }
}
