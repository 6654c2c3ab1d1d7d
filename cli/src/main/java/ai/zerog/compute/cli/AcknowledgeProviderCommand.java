package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code inference acknowledge-provider --provider <address>}: trusts the provider's TEE signer for
 * this wallet; without a sub-account it first transfers the minimum (1 0G) from the main account.
 */
@Command(name = "acknowledge-provider", mixinStandardHelpOptions = true,
        description = "Acknowledge a provider's TEE signer (creates the sub-account with 1 0G if missing)")
final class AcknowledgeProviderCommand implements Callable<Integer> {
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
            session.broker().inference().acknowledgeProvider(provider);
            session.confirmed();
        }
        environment.out().println("Provider signer acknowledged successfully!");
        return ExitCodes.OK;
    }
}
