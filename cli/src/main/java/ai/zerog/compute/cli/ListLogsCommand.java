package ai.zerog.compute.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inference list-logs} [provider]: the log files of your own broker. */
@Command(name = "list-logs", mixinStandardHelpOptions = true,
        description = "[provider] List your broker's log files")
final class ListLogsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Option(names = "--component", paramLabel = "<broker|event|both>", defaultValue = "both",
            description = "Which logs: broker, event or both (default: ${DEFAULT-VALUE})")
    String component;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        LogComponent.check(component, true);
        JsonNode files = ProviderLogs.open(environment, network).list(component).path("files");
        if (!files.isArray() || files.isEmpty()) {
            environment.out().println("No log files found.");
            return ExitCodes.OK;
        }
        Table table = Table.withWidths(12, 24, 16, 32, 10)
                .header("Component", "Filename", "Size (bytes)", "Modified Time", "Current");
        for (JsonNode file : files) {
            table.row(file.path("component").asText(), file.path("filename").asText(),
                    Long.toString(file.path("size").asLong()), file.path("modifiedTime").asText(),
                    file.path("isCurrent").asBoolean() ? "✓" : "");
        }
        environment.out().print(table.render());
        return ExitCodes.OK;
    }
}
