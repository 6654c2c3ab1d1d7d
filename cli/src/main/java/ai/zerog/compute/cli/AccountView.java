package ai.zerog.compute.cli;

import ai.zerog.compute.sdk.LedgerDetail;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;

/** The main account (ledger) and its sub-accounts as tables (CLI-AND-UI.md §3.1) or JSON. */
final class AccountView {
    private AccountView() {
    }

    static void print(PrintStream out, LedgerDetail ledger) {
        out.print(Table.withWidths(50, 81).header("Balance", "Value (0G)")
                .row("Total", Og.fixed(ledger.total()))
                .row("Locked (transferred to sub-accounts)", Og.fixed(ledger.lockedInSubAccounts()))
                .row("Available for transfer to sub-accounts", Og.fixed(ledger.available()))
                .render("Overview"));
        if (!ledger.providers().isEmpty()) {
            Table subAccounts = Table.withWidths(50, 30, 50)
                    .header("Provider", "Balance (0G)", "Requested Return to Main Account (0G)");
            for (LedgerDetail.ProviderFunds funds : ledger.providers()) {
                subAccounts.row(funds.provider().checksummed(), Og.fixed(funds.balance()), Og.fixed(funds.pendingRefund()));
            }
            out.print(subAccounts.render("Inference sub-accounts"));
        }
        out.println();
        out.println("Tip: see one sub-account in detail (balance, funds returning, lock times):");
        out.println("  0g-compute-cli get-sub-account --provider <provider_address> --service inference");
    }

    static ObjectNode json(LedgerDetail ledger) {
        ObjectNode node = JsonOption.object();
        node.put("address", ledger.user().checksummed());
        node.put("total", Og.plain(ledger.total()));
        node.put("locked", Og.plain(ledger.lockedInSubAccounts()));
        node.put("available", Og.plain(ledger.available()));
        ArrayNode subAccounts = node.putArray("subAccounts");
        ledger.providers().forEach(funds -> subAccounts.add(json(funds, ledger)));
        node.put("asOf", ledger.asOf().toString());
        return node;
    }

    static ObjectNode json(LedgerDetail.ProviderFunds funds, LedgerDetail ledger) {
        ObjectNode node = JsonOption.object();
        node.put("provider", funds.provider().checksummed());
        node.put("service", "inference");
        node.put("balance", Og.plain(funds.balance()));
        node.put("pendingRefund", Og.plain(funds.pendingRefund()));
        node.put("usable", Og.plain(funds.usable()));
        node.put("acknowledged", funds.acknowledged());
        ArrayNode refunds = node.putArray("refunds");
        for (LedgerDetail.PendingRefund refund : funds.refunds()) {
            refunds.addObject().put("amount", Og.plain(refund.amount()))
                    .put("createdAt", refund.createdAt().toString())
                    .put("unlocksAt", refund.unlocksAt().toString())
                    .put("unlocked", refund.unlocked())
                    .put("remainingSeconds", Math.max(0, Duration.between(ledger.asOf(), refund.unlocksAt()).toSeconds()));
        }
        return node;
    }

    /** {@code <h>h <m>min <s>s}, as the official refund table shows the remaining lock time. */
    static String remaining(Duration left) {
        long seconds = Math.max(0, left.toSeconds());
        return (seconds / 3600) + "h " + (seconds % 3600 / 60) + "min " + (seconds % 60) + "s";
    }
}
