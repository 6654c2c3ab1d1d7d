package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code inference revoke-all-tokens --provider <address>}: every API key and session token for the provider dies. */
@Command(name = "revoke-all-tokens", mixinStandardHelpOptions = true,
        description = "Revoke every API key and session token for a provider")
final class RevokeAllTokensCommand implements Callable<Integer> {
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
            session.broker().inference().revokeAllApiKeys(provider);
            session.confirmed();
        }
        environment.out().println("✓ All tokens revoked successfully for provider " + provider.checksummed());
        environment.out().println("Note: every API key and ephemeral token for this provider is now invalid;"
                + " all 255 key slots are free again.");
        return ExitCodes.OK;
    }
}
