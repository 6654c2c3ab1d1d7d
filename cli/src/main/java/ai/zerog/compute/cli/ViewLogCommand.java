package ai.zerog.compute.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inference view-log} [provider]: prints one of your broker's log files, or its first or last lines. */
@Command(name = "view-log", mixinStandardHelpOptions = true,
        description = "[provider] Show one of your broker's log files")
final class ViewLogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    LogFileOptions file;

    @Option(names = "--lines", paramLabel = "<n|all>", defaultValue = "all",
            description = "How many lines to show (default: ${DEFAULT-VALUE})")
    String lines;

    @Option(names = "--tail", description = "Show the last lines instead of the first")
    boolean tail;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        String component = file.component();
        String filename = file.filename();
        int count = lineCount(lines);
        ProviderLogs logs = ProviderLogs.open(environment, network);
        String text = new String(logs.file(component, filename), StandardCharsets.UTF_8);
        List<String> all = Arrays.asList(text.split("\r?\n", -1));
        if (!all.isEmpty() && all.getLast().isEmpty()) {
            all = all.subList(0, all.size() - 1);
        }
        List<String> shown = count < 0 || count >= all.size() ? all
                : tail ? all.subList(all.size() - count, all.size()) : all.subList(0, count);
        var out = environment.out();
        out.println("Log file: " + component + "/" + filename);
        out.println("Provider: " + logs.provider().checksummed());
        out.println("=".repeat(80));
        shown.forEach(out::println);
        return ExitCodes.OK;
    }

    /** The line limit, or -1 for all. */
    private static int lineCount(String text) {
        if (text.strip().equalsIgnoreCase("all")) {
            return -1;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new CliFailure("--lines must be a positive number or 'all', got '" + text + "'", "Example: --lines 50");
    }
}
