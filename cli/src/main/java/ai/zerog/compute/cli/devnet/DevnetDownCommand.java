package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.cli.ExitCodes;
import ai.zerog.compute.cli.ZgComputeCli;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code devnet down}: asks the running {@code devnet up} to stop (SIGTERM) and waits until it has saved its state. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop the running devnet; its state is saved for the next 'devnet up'")
public final class DevnetDownCommand implements Callable<Integer> {
    /** Anvil writes its state on SIGTERM and is killed after 10 s; the providers stop in well under that. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws InterruptedException {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        DevnetFiles files = data.files(environment);
        Optional<RunRecord> running = RunRecord.running(files.runFile());
        if (running.isEmpty()) {
            environment.out().println("No devnet is running from " + files.dataDir() + ".");
            return ExitCodes.OK;
        }
        RunRecord record = running.get();
        environment.out().println("Stopping the devnet (pid " + record.pid() + ") ...");
        if (record.isThisProcess()) {
            ServingDevnet.inThisJvm(files.dataDir()).ifPresent(ServingDevnet::stop);
        } else {
            stopProcess(record);
        }
        environment.out().println("✓ Devnet stopped; state saved in " + files.dataDir());
        return ExitCodes.OK;
    }

    /** SIGTERM runs the JVM's shutdown hook, which saves state before the process ends. */
    private static void stopProcess(RunRecord record) throws InterruptedException {
        ProcessHandle process = record.process().orElseThrow();
        process.destroy();
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new CliFailure("the devnet (pid " + record.pid() + ") did not stop within " + STOP_TIMEOUT.toSeconds()
                    + " s", "Check it with '0g-compute-cli devnet status'; as a last resort: kill -9 " + record.pid());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
