package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code inference ack-provider --provider <address>} (hidden, CLI-AND-UI.md §5.10): the
 * InferenceServing contract owner acknowledges a provider's TEE signer, which lists its service
 * for everyone. Refused with nothing sent unless the wallet is the owner.
 */
@Command(name = "ack-provider", hidden = true, mixinStandardHelpOptions = true,
        description = "Contract owner only: acknowledge a provider's TEE signer")
final class OwnerAckProviderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    ProviderOption providerOption;

    @Override
    public Integer call() {
        Address provider = providerOption.address();
        CliEnvironment environment = ZgComputeCli.environment(spec);
        try (CliSession session = CliBrokers.session(environment, network)) {
            session.broker().inferenceOwner().acknowledgeTeeSigner(provider);
            session.confirmed();
        }
        environment.out().println("Provider acknowledged successfully!");
        return ExitCodes.OK;
    }
}
