package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.SettlementStatus;
import java.math.BigInteger;

/** The outcome for one user of a {@code settleFeesWithTEE} batch. */
public record SettlementResult(Address user, SettlementStatus status, BigInteger unsettledAmount) {
}
