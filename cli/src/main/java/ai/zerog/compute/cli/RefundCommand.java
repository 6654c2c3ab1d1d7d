package ai.zerog.compute.cli;

import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code refund --amount <0G>}: withdraws available main-account funds back to the wallet. */
@Command(name = "refund", mixinStandardHelpOptions = true,
        description = "Withdraw funds from the main account back to the wallet")
final class RefundCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Option(names = {"-a", "--amount"}, paramLabel = "<0G>", required = true, description = "Amount to withdraw in 0G")
    String amount;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        BigInteger neuron = Og.parse(amount, "--amount");
        try (CliSession session = CliBrokers.session(environment, network)) {
            environment.out().println("Refunding...");
            session.broker().ledger().refund(neuron);
            session.confirmed();
            environment.out().println("Refunded amount: " + Og.plain(neuron) + " 0G");
        }
        return ExitCodes.OK;
    }
}
