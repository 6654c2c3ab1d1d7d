package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.LedgerDetail;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code retrieve-fund [--provider <address>]}: asks sub-accounts to return funds to the main
 * account. The first call starts the lock period; a call after it ends moves the unlocked funds.
 * Without {@code --provider} a person picks from the official menu, whose first entry is "All
 * providers"; that one is confirmed first, since it locks every sub-account at once. With nobody to
 * answer nothing is retrieved (as in the official CLI), and the failure names {@code --provider}:
 * like the official CLI there is no flag for "all".
 */
@Command(name = "retrieve-fund", mixinStandardHelpOptions = true,
        description = "Retrieve funds from provider sub-accounts to the main account (after the lock period)")
final class RetrieveFundCommand implements Callable<Integer> {
    private static final String QUESTION = "Select provider to retrieve funds from (inference):";

    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    ServiceOption service;

    @Option(names = "--provider", paramLabel = "<address>", converter = AddressConverter.class,
            description = "One provider (default: choose from a menu that also offers all providers; needs a terminal)")
    Address provider;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        service.requireInference();
        try (CliSession session = CliBrokers.session(environment, network)) {
            Optional<Address> target = Optional.ofNullable(provider);
            if (target.isEmpty()) {
                List<LedgerDetail.ProviderFunds> withFunds = session.broker().ledger().getLedger().providers().stream()
                        .filter(f -> f.balance().signum() > 0 || f.pendingRefund().signum() > 0).toList();
                if (withFunds.isEmpty()) {
                    environment.out().println("No providers with balance found for inference.");
                    return ExitCodes.OK;
                }
                target = choose(environment, withFunds);
                if (target.isEmpty() && !confirmAll(environment, withFunds.size())) {
                    environment.out().println("Retrieval cancelled.");
                    return ExitCodes.OK;
                }
            }
            if (target.isEmpty()) {
                environment.out().println("Retrieving funds from all inference sub accounts...");
                session.broker().ledger().retrieveFund();
                session.confirmed();
                environment.out().println("Funds retrieved from all inference sub accounts");
            } else {
                String who = target.get().checksummed();
                environment.out().println("Retrieving funds from inference sub account for provider " + who + "...");
                session.broker().ledger().retrieveFundFromProvider(target.get());
                session.confirmed();
                environment.out().println("Funds retrieved from inference sub account for provider " + who);
            }
        }
        environment.out().println();
        environment.out().println("Tip: see the remaining lock time with");
        environment.out().println("  0g-compute-cli get-sub-account --provider <provider_address> --service inference");
        return ExitCodes.OK;
    }

    /** Empty for "All providers"; fails with {@link #noTerminal} when nobody can answer. */
    private static Optional<Address> choose(CliEnvironment environment, List<LedgerDetail.ProviderFunds> withFunds) {
        List<String> choices = new ArrayList<>();
        choices.add("All providers");
        for (LedgerDetail.ProviderFunds funds : withFunds) {
            choices.add(funds.provider().checksummed() + " (Balance: " + six(funds.balance()) + " 0G, Pending refund: "
                    + six(funds.pendingRefund()) + " 0G)");
        }
        int picked = Prompter.of(environment).choose(QUESTION, choices, noTerminal(withFunds));
        return picked == 0 ? Optional.empty() : Optional.of(withFunds.get(picked - 1).provider());
    }

    private static boolean confirmAll(CliEnvironment environment, int providers) {
        return Prompter.of(environment).confirm("Retrieve from all " + providers + " provider sub-account(s)? Their"
                + " whole balances go into the refund lock, and those providers refuse your requests until you"
                + " transfer funds again.", false, "Run: 0g-compute-cli retrieve-fund --provider <address>");
    }

    private static String noTerminal(List<LedgerDetail.ProviderFunds> withFunds) {
        return "Run: 0g-compute-cli retrieve-fund --provider <address>, one provider at a time (with funds: "
                + withFunds.stream().map(f -> f.provider().checksummed()).collect(Collectors.joining(", "))
                + "). Retrieving from all providers at once is offered only in the interactive menu,"
                + " after a confirmation.";
    }

    private static String six(java.math.BigInteger neuron) {
        return new BigDecimal(neuron, 18).setScale(6, RoundingMode.DOWN).toPlainString();
    }
}
