package ai.zerog.compute.chain;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link TransactionSender} waits and prices: receipt timeout (the official SDK waits
 * 300 s), the first poll interval (doubling up to {@code maxPollInterval}), the gas limit
 * head-room over the node's estimate in percent, the gas price rule and who hears about each
 * transaction.
 */
public record TxOptions(Duration receiptTimeout, Duration firstPollInterval, Duration maxPollInterval,
                        int gasLimitMarginPercent, Clock clock, Sleeper sleeper, GasPricing gasPricing,
                        TxListener listener) {
    public TxOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(gasPricing, "gasPricing");
        Objects.requireNonNull(listener, "listener");
        if (receiptTimeout.isNegative() || receiptTimeout.isZero()) {
            throw new ChainException("receiptTimeout must be positive, got " + receiptTimeout);
        }
        if (firstPollInterval.isNegative() || firstPollInterval.isZero() || maxPollInterval.compareTo(firstPollInterval) < 0) {
            throw new ChainException("poll intervals must be positive with max >= first, got "
                    + firstPollInterval + " / " + maxPollInterval);
        }
        if (gasLimitMarginPercent < 0 || gasLimitMarginPercent > 200) {
            throw new ChainException("gasLimitMarginPercent must be in [0, 200], got " + gasLimitMarginPercent);
        }
    }

    public static TxOptions defaults() {
        return new TxOptions(Duration.ofSeconds(300), Duration.ofMillis(25), Duration.ofSeconds(1), 20,
                Clock.systemUTC(), Sleeper.SYSTEM, GasPricing.fromNode(), TxListener.NONE);
    }

    public TxOptions withReceiptTimeout(Duration timeout) {
        return new TxOptions(timeout, firstPollInterval, maxPollInterval, gasLimitMarginPercent, clock, sleeper,
                gasPricing, listener);
    }

    public TxOptions withTime(Clock newClock, Sleeper newSleeper) {
        return new TxOptions(receiptTimeout, firstPollInterval, maxPollInterval, gasLimitMarginPercent, newClock,
                newSleeper, gasPricing, listener);
    }

    public TxOptions withGasPricing(GasPricing pricing) {
        return new TxOptions(receiptTimeout, firstPollInterval, maxPollInterval, gasLimitMarginPercent, clock, sleeper,
                pricing, listener);
    }

    public TxOptions withListener(TxListener newListener) {
        return new TxOptions(receiptTimeout, firstPollInterval, maxPollInterval, gasLimitMarginPercent, clock, sleeper,
                gasPricing, newListener);
    }
}
