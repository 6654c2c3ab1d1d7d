package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code inference revoke --provider <address>} (hidden, CLI-AND-UI.md §5.10): the InferenceServing
 * contract owner revokes its acknowledgement of a provider's TEE signer, which hides the service
 * from the default listing. Refused with nothing sent unless the wallet is the owner.
 */
@Command(name = "revoke", hidden = true, mixinStandardHelpOptions = true,
        description = "Contract owner only: revoke the acknowledgement of a provider's TEE signer")
final class OwnerRevokeCommand implements Callable<Integer> {
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
            session.broker().inferenceOwner().revokeTeeSigner(provider);
            session.confirmed();
        }
        environment.out().println("Provider TEE signer acknowledgement revoked successfully!");
        return ExitCodes.OK;
    }
}
