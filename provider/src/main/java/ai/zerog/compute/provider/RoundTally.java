package ai.zerog.compute.provider;

import java.math.BigInteger;

/** Counts what one settlement round did, for its {@link SettlementReport}. */
final class RoundTally {
    int transactions;
    int settled;
    int partial;
    int recovered;
    int failed;
    int pending;
    BigInteger amount = BigInteger.ZERO;

    SettlementReport report() {
        return new SettlementReport(false, transactions, settled, partial, recovered, failed, pending, amount);
    }
}
