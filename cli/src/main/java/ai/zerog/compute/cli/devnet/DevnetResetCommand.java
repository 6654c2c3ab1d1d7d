package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.cli.ExitCodes;
import ai.zerog.compute.cli.Prompter;
import ai.zerog.compute.cli.ZgComputeCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code devnet reset}: deletes a stopped devnet's state (chain, provider keys and fees, summary),
 * only the files the devnet wrote, so a mistyped {@code --data-dir} loses nothing else.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Delete the devnet's state (chain, provider keys, fees); the next 'devnet up' starts afresh")
public final class DevnetResetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        DevnetFiles files = data.files(environment);
        RunRecord.running(files.runFile()).ifPresent(running -> {
            throw new CliFailure("the devnet in " + files.dataDir() + " is running (pid " + running.pid() + ")",
                    "Stop it first: 0g-compute-cli devnet down");
        });
        if (files.all().stream().noneMatch(Files::exists)) {
            environment.out().println("Nothing to reset: no devnet state in " + files.dataDir() + ".");
            return ExitCodes.OK;
        }
        if (!yes && !Prompter.of(environment).confirm("Delete the devnet state in " + files.dataDir()
                + " (chain, provider keys and fees)?", false, "Run it again with --yes to delete without asking")) {
            environment.out().println("Reset cancelled.");
            return ExitCodes.OK;
        }
        files.all().forEach(DevnetResetCommand::delete);
        forgetActive(environment, files);
        deleteIfEmpty(files.dataDir());
        environment.out().println("✓ Devnet state deleted from " + files.dataDir()
                + "; the next '0g-compute-cli devnet up' deploys a fresh devnet.");
        return ExitCodes.OK;
    }

    /** The CLI's active-devnet record goes too when it describes this devnet. */
    private static void forgetActive(CliEnvironment environment, DevnetFiles files) {
        Path active = DevnetState.activeFile(environment);
        if (DevnetState.active(environment).filter(state -> files.dataDir().equals(state.dataDir())).isPresent()) {
            delete(active);
        }
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            // a folder left behind is harmless
        }
    }
}
