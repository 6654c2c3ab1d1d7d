package ai.zerog.compute.provider;

import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * How the settlement worker runs: every {@code interval}; at most {@code maxPerTransaction} users
 * per {@code settleFeesWithTEE} (the contract's limit is 50); early when a user's headroom
 * (locked balance less unsettled fees) falls below {@code earlySettlementHeadroom} neuron; at most
 * {@code maxRecordsPerSettlement} fee records in one user's item (older ones first, the rest wait
 * for the next round).
 */
public record SettlementConfig(Duration interval, int maxPerTransaction, BigInteger earlySettlementHeadroom,
                               int maxRecordsPerSettlement) {
    /** The contract's batch limit (PROTOCOL.md §1.2). */
    public static final int MAX_PER_TRANSACTION = 50;

    public SettlementConfig {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(earlySettlementHeadroom, "earlySettlementHeadroom");
        if (interval.isNegative() || interval.isZero()) {
            throw new ProviderException("settlement interval must be positive, got " + interval);
        }
        if (maxPerTransaction < 1 || maxPerTransaction > MAX_PER_TRANSACTION) {
            throw new ProviderException("settlement maxPerTransaction must be in [1, " + MAX_PER_TRANSACTION
                    + "], got " + maxPerTransaction);
        }
        if (earlySettlementHeadroom.signum() < 0) {
            throw new ProviderException("earlySettlementHeadroom must not be negative, got " + earlySettlementHeadroom);
        }
        if (maxRecordsPerSettlement < 1) {
            throw new ProviderException("maxRecordsPerSettlement must be at least 1, got " + maxRecordsPerSettlement);
        }
    }

    /** 5 minutes (the official check interval, PROTOCOL.md §7.5), 50 per transaction, early below 2 0G, 10,000 records. */
    public static SettlementConfig defaults() {
        return new SettlementConfig(Duration.ofMinutes(5), MAX_PER_TRANSACTION, Units.og(2), 10_000);
    }

    public SettlementConfig withInterval(Duration newInterval) {
        return new SettlementConfig(newInterval, maxPerTransaction, earlySettlementHeadroom, maxRecordsPerSettlement);
    }

    public SettlementConfig withMaxPerTransaction(int max) {
        return new SettlementConfig(interval, max, earlySettlementHeadroom, maxRecordsPerSettlement);
    }
}
