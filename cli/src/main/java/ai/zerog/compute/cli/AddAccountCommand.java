package ai.zerog.compute.cli;

import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code add-account --amount <0G>}: creates the main account with a first deposit (at least the network minimum). */
@Command(name = "add-account", mixinStandardHelpOptions = true,
        description = "Create the main account (ledger) with an initial balance")
final class AddAccountCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Option(names = "--amount", paramLabel = "<0G>", required = true, description = "Initial balance in 0G")
    String amount;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        BigInteger neuron = Og.parse(amount, "--amount");
        try (CliSession session = CliBrokers.session(environment, network)) {
            environment.out().println("Adding account...");
            session.broker().ledger().addLedger(neuron);
            session.confirmed();
            environment.out().println("Account Created!");
            AccountView.print(environment.out(), session.broker().ledger().getLedger());
        }
        return ExitCodes.OK;
    }
}
