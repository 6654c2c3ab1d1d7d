package ai.zerog.compute.cli;

import ai.zerog.compute.provider.RegistrationResult;
import ai.zerog.compute.provider.ServiceRegistration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code inference remove-service} [provider]: deletes this wallet's service; the contract returns the stake. */
@Command(name = "remove-service", mixinStandardHelpOptions = true,
        description = "[provider] Remove your inference service (the stake is returned)")
final class RemoveServiceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        try (ProviderWallet wallet = ProviderWallet.open(environment, network)) {
            RegistrationResult result = ServiceRegistration.remove(wallet.sender(),
                    wallet.network().profile().inference());
            wallet.confirmed();
            if (result.outcome() == RegistrationResult.Outcome.NOT_REGISTERED) {
                environment.out().println("No service is registered for " + wallet.address().checksummed()
                        + ": nothing to remove.");
            } else {
                environment.out().println("Service removed successfully! Stake returned: " + Og.plain(result.stake()) + " 0G");
            }
        }
        return ExitCodes.OK;
    }
}
