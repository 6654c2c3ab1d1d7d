package ai.zerog.compute.cli.ui;

import ai.zerog.compute.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ui} (alias {@code web-ui}): the embedded web UI; {@code ui start-web} serves it. */
@Command(name = "ui", aliases = "web-ui", description = "Embedded web UI: providers, chat, images, speech and account",
        mixinStandardHelpOptions = true, subcommands = StartWebCommand.class)
public final class UiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.FAILURE;
    }
}
