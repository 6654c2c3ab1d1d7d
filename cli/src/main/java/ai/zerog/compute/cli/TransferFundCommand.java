package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-fund --provider <address> --amount <0G>}: moves main-account funds into the
 * provider's sub-account; the first transfer creates it and acknowledges the provider.
 */
@Command(name = "transfer-fund", mixinStandardHelpOptions = true,
        description = "Transfer funds from the main account to a provider sub-account")
final class TransferFundCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    ServiceOption service;

    @Mixin
    ProviderOption providerOption;

    @Option(names = "--amount", paramLabel = "<0G>", required = true, description = "Amount to transfer in 0G")
    String amount;

    @Override
    public Integer call() {
        Address provider = providerOption.address();
        CliEnvironment environment = ZgComputeCli.environment(spec);
        service.requireInference();
        BigInteger neuron = Og.parse(amount, "--amount");
        if (neuron.signum() > 0 && neuron.compareTo(Units.og(1)) < 0) {
            environment.err().println("[WARN] " + Instant.now() + " - Warning: Transferring " + Og.plain(neuron)
                    + " 0G to provider sub-account. The recommended minimum is 1 0G: providers may refuse requests"
                    + " from smaller sub-accounts.");
        }
        String who = provider.checksummed();
        try (CliSession session = CliBrokers.session(environment, network)) {
            environment.out().println("Transferring " + Og.plain(neuron) + " 0G to " + who + " for inference...");
            session.broker().ledger().transferFund(provider, neuron);
            session.confirmed();
            environment.out().println("Successfully transferred " + Og.plain(neuron) + " 0G to " + who);
        }
        return ExitCodes.OK;
    }
}
