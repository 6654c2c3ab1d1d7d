package ai.zerog.compute.cli;

import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deposit --amount <0G>}: adds funds to the main account, creating it when missing. */
@Command(name = "deposit", mixinStandardHelpOptions = true,
        description = "Deposit funds into the main account (creates it if missing)")
final class DepositCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Option(names = "--amount", paramLabel = "<0G>", required = true, description = "Amount to deposit in 0G")
    String amount;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        BigInteger neuron = Og.parse(amount, "--amount");
        try (CliSession session = CliBrokers.session(environment, network)) {
            environment.out().println("Depositing...");
            session.broker().ledger().depositFund(neuron);
            session.confirmed();
            environment.out().println("Deposited funds: " + Og.plain(neuron) + " 0G");
        }
        return ExitCodes.OK;
    }
}
