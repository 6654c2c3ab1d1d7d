package ai.zerog.compute.chain;

import java.math.BigInteger;

/** A queued retrieval from a sub-account; unlocks {@code lockTime} seconds after {@code createdAt}. */
public record Refund(BigInteger index, BigInteger amount, BigInteger createdAt, boolean processed) {
}
