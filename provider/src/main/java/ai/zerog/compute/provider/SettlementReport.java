package ai.zerog.compute.provider;

import java.math.BigInteger;

/**
 * What one settlement round did. {@code settled} counts items that ended settled, including the
 * {@code partial} ones and the {@code recovered} ones (found already landed, from an earlier
 * round); {@code failed} items gave their fees back for a later round; {@code pending} items stay
 * open (transaction not confirmed yet). {@code settledAmount} is what the chain took, in neuron.
 * A round is {@code skipped} when another process holds the settler lease.
 */
public record SettlementReport(boolean skipped, int transactions, int settled, int partial, int recovered, int failed,
                               int pending, BigInteger settledAmount) {

    static SettlementReport skippedRound() {
        return new SettlementReport(true, 0, 0, 0, 0, 0, 0, BigInteger.ZERO);
    }

    public boolean didNothing() {
        return transactions == 0 && settled == 0 && failed == 0 && pending == 0;
    }
}
