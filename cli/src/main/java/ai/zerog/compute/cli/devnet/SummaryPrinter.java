package ai.zerog.compute.cli.devnet;

import java.io.PrintStream;
import java.nio.file.Path;

/** The devnet summary as people read it: addresses and URLs aligned, never a key. */
final class SummaryPrinter {
    private SummaryPrinter() {
    }

    static void print(PrintStream out, DevnetSummary summary, Path dataDir, boolean defaultMnemonic) {
        out.println(row("RPC", summary.rpc() + " (chain " + summary.chainId() + ")"));
        out.println(row("LedgerManager", summary.ledger().checksummed()));
        out.println(row("InferenceServing", summary.inference().checksummed()));
        out.println("  Providers:");
        for (DevnetSummary.Provider provider : summary.providers()) {
            out.printf("    %-15s %-17s %s  %s%n", provider.serviceType(), provider.model(),
                    provider.address().checksummed(), provider.url());
        }
        out.println(row("Dev wallet", summary.user().address().checksummed() + " (account #"
                + summary.user().accountIndex() + " of " + (defaultMnemonic ? "anvil's default mnemonic" : "your mnemonic")
                + ")"));
        out.println(row("State", dataDir.toString()));
    }

    private static String row(String label, String value) {
        return String.format("  %-17s %s", label, value);
    }
}
