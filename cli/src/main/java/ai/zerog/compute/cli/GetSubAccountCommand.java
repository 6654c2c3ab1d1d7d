package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.LedgerDetail;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code get-sub-account --provider <address>}: one sub-account with its funds on the way back and their lock times. */
@Command(name = "get-sub-account", mixinStandardHelpOptions = true,
        description = "Show one provider sub-account: balance and funds returning to the main account")
final class GetSubAccountCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    ServiceOption service;

    @Mixin
    JsonOption json;

    @Mixin
    ProviderOption providerOption;

    @Override
    public Integer call() {
        Address provider = providerOption.address();
        CliEnvironment environment = ZgComputeCli.environment(spec);
        service.requireInference();
        try (CliSession session = CliBrokers.session(environment, network)) {
            LedgerDetail ledger = session.broker().ledger().getLedger();
            LedgerDetail.ProviderFunds funds = ledger.providers().stream()
                    .filter(f -> f.provider().equals(provider)).findFirst()
                    .orElseThrow(() -> new CliFailure("Sub-account not found. Initialize it by transferring funds via"
                            + " \"transfer-fund\" (provider " + provider.checksummed() + ")",
                            "Run: 0g-compute-cli transfer-fund --provider " + provider.checksummed() + " --amount 1"));
            if (json.enabled()) {
                environment.out().print(JsonOption.render(AccountView.json(funds, ledger)));
            } else {
                print(environment.out(), funds, ledger);
            }
        }
        return ExitCodes.OK;
    }

    private static void print(PrintStream out, LedgerDetail.ProviderFunds funds, LedgerDetail ledger) {
        String who = funds.provider().checksummed();
        out.print(Table.withWidths(50, 50).header("Field", "Value")
                .row("Service Type", "Inference")
                .row("Provider", who)
                .row("Balance (0G)", Og.fixed(funds.balance()))
                .row("Funds Applied for Return to Main Account (0G)", Og.fixed(funds.pendingRefund()))
                .render("Inference Sub-Account Overview"));
        if (funds.refunds().isEmpty()) {
            out.println();
            out.println("No pending refunds found.");
        } else {
            Table refunds = Table.withWidths(50, 50).header("Amount (0G)", "Remaining Locked Time");
            for (LedgerDetail.PendingRefund refund : funds.refunds()) {
                refunds.row(Og.fixed(refund.amount()),
                        AccountView.remaining(Duration.between(ledger.asOf(), refund.unlocksAt())));
            }
            out.print(refunds.render("Details of Each Amount Applied for Return to Main Account"));
        }
        out.println();
        out.println("Fund Management Tips:");
        out.println("  • Return funds to the main account: 0g-compute-cli retrieve-fund --service inference");
        out.println("    The first call starts the lock period; calling it again after the lock ends moves the");
        out.println("    unlocked funds to the main account.");
        out.println("  • Add funds to this sub-account: 0g-compute-cli transfer-fund --provider " + who
                + " --amount <amount> --service inference");
    }
}
