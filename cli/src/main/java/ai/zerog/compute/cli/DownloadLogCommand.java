package ai.zerog.compute.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inference download-log} [provider]: saves one of your broker's log files. */
@Command(name = "download-log", mixinStandardHelpOptions = true,
        description = "[provider] Download one of your broker's log files")
final class DownloadLogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    LogFileOptions file;

    @Option(names = "--output", paramLabel = "<path>", description = "Where to save it (default: the file name)")
    Path output;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        String component = file.component();
        String filename = file.filename();
        byte[] content = ProviderLogs.open(environment, network).file(component, filename);
        Path shown = output == null ? Path.of(filename).getFileName() : output;
        Path target = environment.resolve(shown);
        try {
            Path parent = target.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(target, content);
        } catch (IOException e) {
            throw new CliFailure("cannot write " + shown + " (" + e.getMessage() + ")", "Choose another --output path.");
        }
        environment.out().println("Log file downloaded to: " + shown);
        return ExitCodes.OK;
    }
}
