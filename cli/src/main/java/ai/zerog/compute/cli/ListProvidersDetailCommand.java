package ai.zerog.compute.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inference list-providers-detail}: the provider list with URL, TEE signer and verifier. */
@Command(name = "list-providers-detail", mixinStandardHelpOptions = true,
        description = "List inference providers with URL, TEE signer and verification details")
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
