package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inference revoke-token --provider <address> --token-id <id>}: revokes one API key on chain. */
@Command(name = "revoke-token", mixinStandardHelpOptions = true, description = "Revoke one API key (token id 0-254)")
final class RevokeTokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    ProviderOption providerOption;

    @Option(names = "--token-id", paramLabel = "<id>", required = true, description = "Key slot 0-254")
    String tokenId;

    @Override
    public Integer call() {
        Address provider = providerOption.address();
        CliEnvironment environment = ZgComputeCli.environment(spec);
        int id = TokenIds.parse(tokenId);
        try (CliSession session = CliBrokers.session(environment, network)) {
            session.broker().inference().revokeApiKey(provider, id);
            session.confirmed();
        }
        environment.out().println("✓ Token ID " + id + " revoked successfully for provider " + provider.checksummed());
        return ExitCodes.OK;
    }
}
