package ai.zerog.compute.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code provider}: run a provider's broker ({@code start}); service changes are {@code inference update-service / remove-service}. */
@Command(name = "provider", mixinStandardHelpOptions = true, subcommands = ProviderStartCommand.class,
        description = "Run a provider broker (see also inference update-service / remove-service)")
final class ProviderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.FAILURE;
    }
}
