package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code devnet up | down | status | reset}: a local chain with dev providers and a funded dev wallet. */
@Command(name = "devnet", description = "Run a local devnet: anvil, the contracts, dev providers, a funded wallet",
        mixinStandardHelpOptions = true,
        subcommands = {DevnetUpCommand.class, DevnetDownCommand.class, DevnetStatusCommand.class,
                DevnetResetCommand.class})
public final class DevnetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.FAILURE;
    }
}
