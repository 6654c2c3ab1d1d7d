package ai.zerog.compute.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inference list-providers-detail}: the provider list with model details and health from
 * the status API (CLI-AND-UI.md §5.3), plus URL, TEE signer and verifier.
 */
@Command(name = "list-providers-detail", mixinStandardHelpOptions = true,
        description = "List inference providers with health metrics, model details, URL and TEE signer",
        footer = {"", "Health and model details come from the 0G status API of the chain (mainnet or testnet);"
                + " set ZG_STATUS_API=<url> to ask another one, or ZG_STATUS_API=off to skip it."})
final class ListProvidersDetailCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    JsonOption json;

    @Option(names = "--include-invalid", description = "Also list services whose TEE signer is not acknowledged")
    boolean includeInvalid;

    @Override
    public Integer call() {
        return ListProvidersCommand.print(ZgComputeCli.environment(spec), network, json, includeInvalid, true);
    }
}
