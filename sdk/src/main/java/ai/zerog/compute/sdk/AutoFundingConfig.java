package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Units;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * How background auto-funding keeps a provider sub-account topped up (PROTOCOL.md §7.6): every
 * {@code interval}, keep {@code unsettled fee + bufferMultiplier × 1 0G} locked, moving at least
 * {@code minTransfer} neuron when short.
 */
public record AutoFundingConfig(Duration interval, BigDecimal bufferMultiplier, BigInteger minTransfer) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final BigDecimal DEFAULT_BUFFER_MULTIPLIER = BigDecimal.valueOf(2);
    /** 1 0G: the mainnet minimum for a first transfer and the SDK's smallest top-up. */
    public static final BigInteger DEFAULT_MIN_TRANSFER = Units.og(1);

    public AutoFundingConfig {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(bufferMultiplier, "bufferMultiplier");
        Objects.requireNonNull(minTransfer, "minTransfer");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidInputException("auto-funding interval must be at least 1 s, got " + interval);
        }
        if (bufferMultiplier.signum() < 0) {
            throw new InvalidInputException("auto-funding bufferMultiplier must not be negative, got " + bufferMultiplier);
        }
        if (minTransfer.signum() <= 0) {
            throw new InvalidInputException("auto-funding minTransfer must be positive neuron, got " + minTransfer);
        }
    }

    /** 30 s, buffer 2 × 1 0G, at least 1 0G per transfer: the official SDK's defaults. */
    public static AutoFundingConfig defaults() {
        return new AutoFundingConfig(DEFAULT_INTERVAL, DEFAULT_BUFFER_MULTIPLIER, DEFAULT_MIN_TRANSFER);
    }

    public AutoFundingConfig withInterval(Duration value) {
        return new AutoFundingConfig(value, bufferMultiplier, minTransfer);
    }

    public AutoFundingConfig withBufferMultiplier(BigDecimal value) {
        return new AutoFundingConfig(interval, value, minTransfer);
    }

    public AutoFundingConfig withMinTransfer(BigInteger neuron) {
        return new AutoFundingConfig(interval, bufferMultiplier, neuron);
    }

    /** {@code bufferMultiplier × 1 0G} in neuron, fractions of a neuron dropped. */
    BigInteger buffer() {
        return bufferMultiplier.multiply(new BigDecimal(Units.NEURON_PER_OG)).toBigInteger();
    }
}
