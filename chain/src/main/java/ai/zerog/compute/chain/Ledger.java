package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;

/**
 * A user's main account in LedgerManager. {@code totalBalance} also counts what sits in
 * sub-accounts; {@code availableBalance} is what can be transferred or refunded.
 */
public record Ledger(Address user, BigInteger availableBalance, BigInteger totalBalance, String additionalInfo) {
    /** Funds currently held in provider sub-accounts. */
    public BigInteger lockedInSubAccounts() {
        return totalBalance.subtract(availableBalance);
    }
}
