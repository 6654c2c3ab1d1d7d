package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.SettlementStatus;
import ai.zerog.compute.core.TeeSettlement;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * One stored settlement item (one user) and what became of it: the worker's crash-recovery state
 * and the operators' settlement history. {@code transaction} is the last transaction that carried
 * it; {@code shortfall} is what a PARTIAL settlement left unpaid.
 */
public record SettlementBatch(long id, TeeSettlement item, int records, long fromBlock, BatchState state,
                              Optional<Hash32> transaction, Optional<SettlementStatus> status, BigInteger shortfall,
                              String detail, Instant createdAt, Instant updatedAt) {

    public Address user() {
        return item.user();
    }

    public BigInteger nonce() {
        return item.nonce();
    }

    public BigInteger totalFee() {
        return item.totalFee();
    }

    /** What the chain took for it: the total fee less the shortfall (zero unless settled). */
    public BigInteger settledAmount() {
        return state == BatchState.SETTLED ? item.totalFee().subtract(shortfall) : BigInteger.ZERO;
    }
}
