package ai.zerog.compute.cli;

import ai.zerog.compute.sdk.LedgerDetail;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code get-account}: the main account's balances and its provider sub-accounts. */
@Command(name = "get-account", mixinStandardHelpOptions = true,
        description = "Show the main account (ledger) balances and the provider sub-accounts")
final class GetAccountCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        try (CliSession session = CliBrokers.session(environment, network)) {
            LedgerDetail ledger = session.broker().ledger().getLedger();
            if (json.enabled()) {
                environment.out().print(JsonOption.render(AccountView.json(ledger)));
            } else {
                AccountView.print(environment.out(), ledger);
            }
        }
        return ExitCodes.OK;
    }
}
