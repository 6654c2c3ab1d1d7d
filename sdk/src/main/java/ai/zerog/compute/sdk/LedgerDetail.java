package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * Where a wallet's money is, as of one block: {@code available} in the ledger (free to transfer
 * or refund), {@code total} (available plus everything in provider sub-accounts), and per
 * provider the sub-account balance with its pending refunds. Amounts in neuron.
 */
public record LedgerDetail(Address user, BigInteger available, BigInteger total, BigInteger lockedInSubAccounts,
                           List<ProviderFunds> providers, Instant asOf) {
    public LedgerDetail {
        providers = List.copyOf(providers);
    }

    /** One provider sub-account: {@code usable} is what inference can spend, {@code pendingRefund} is on its way back. */
    public record ProviderFunds(Address provider, BigInteger balance, BigInteger pendingRefund, BigInteger usable,
                                boolean acknowledged, List<PendingRefund> refunds) {
        public ProviderFunds {
            refunds = List.copyOf(refunds);
        }
    }

    /** A queued retrieval; {@code retrieveFund} collects it once {@code unlocked}. */
    public record PendingRefund(BigInteger amount, Instant createdAt, Instant unlocksAt, boolean unlocked) {
    }

    /** Multi-line text in 0G for people, e.g. what {@code 0g-compute-cli get-account} shows. */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append("ledger of ").append(user.checksummed()).append(" at ").append(asOf).append('\n')
                .append("  available: ").append(Units.formatOg(available)).append(" 0G\n")
                .append("  in provider sub-accounts: ").append(Units.formatOg(lockedInSubAccounts)).append(" 0G\n")
                .append("  total: ").append(Units.formatOg(total)).append(" 0G\n");
        for (ProviderFunds p : providers) {
            text.append("  provider ").append(p.provider().checksummed()).append(": usable ")
                    .append(Units.formatOg(p.usable())).append(" 0G, pending refund ")
                    .append(Units.formatOg(p.pendingRefund())).append(" 0G\n");
            for (PendingRefund r : p.refunds()) {
                text.append("    refund ").append(Units.formatOg(r.amount())).append(" 0G ")
                        .append(r.unlocked() ? "unlocked: run retrieve-fund to collect" : "unlocks at " + r.unlocksAt())
                        .append('\n');
            }
        }
        return text.toString();
    }
}
