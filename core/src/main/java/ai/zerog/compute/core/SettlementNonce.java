package ai.zerog.compute.core;

import java.math.BigInteger;
import java.time.Instant;

/**
 * Settlement nonces as the official broker makes them: Unix seconds × 10,000,000 (PROTOCOL.md §1.7).
 * The contract only needs each nonce to exceed the account's last one, so a time-based value stays
 * ahead of any nonce another broker instance used earlier.
 */
public final class SettlementNonce {

    public static final BigInteger PER_SECOND = BigInteger.valueOf(10_000_000L);

    private SettlementNonce() {}

    public static BigInteger fromUnixSeconds(long seconds) {
        if (seconds < 0) {
            throw new CoreException("unix seconds must not be negative, got " + seconds);
        }
        return BigInteger.valueOf(seconds).multiply(PER_SECOND);
    }

    /** The nonce for the whole second containing {@code instant}. */
    public static BigInteger at(Instant instant) {
        return fromUnixSeconds(instant.getEpochSecond());
    }
}
