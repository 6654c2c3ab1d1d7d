package ai.zerog.compute.core;

import ai.zerog.compute.core.PriceTier.Multiplier;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * Cache-token billing of chat prompts (PROTOCOL.md §7.3), the official broker's
 * {@code cacheTokenBilling}: when {@code enabled}, prompt tokens read from the upstream's cache
 * cost {@code inputPrice / divisor}, tokens written to it cost {@code inputPrice × write} (the
 * 1-hour cache {@code × write1h}, falling back to {@code write}), and the rest full price. A write
 * kind without a multiplier is billed at full price. Disabled, every prompt token costs full price.
 *
 * @param divisor at least 1 ({@link #DEFAULT_DIVISOR} when a config leaves it out)
 */
public record CacheBilling(boolean enabled, long divisor, Optional<Multiplier> write, Optional<Multiplier> write1h) {
    public static final long DEFAULT_DIVISOR = 4;
    private static final CacheBilling OFF = new CacheBilling(false, DEFAULT_DIVISOR, Optional.empty(), Optional.empty());

    public CacheBilling {
        if (divisor < 1) {
            throw new CoreException("the cache divisor must be at least 1 (cached tokens cost price / divisor), got "
                    + divisor);
        }
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(write1h, "write1h");
    }

    /** No cache billing: every prompt token at full price. */
    public static CacheBilling off() {
        return OFF;
    }

    /** Cached tokens at {@code inputPrice / divisor}; cache writes at full price until {@link #withWrite} sets a premium. */
    public static CacheBilling divisor(long divisor) {
        return new CacheBilling(true, divisor, Optional.empty(), Optional.empty());
    }

    public CacheBilling withWrite(Multiplier multiplier) {
        return new CacheBilling(enabled, divisor, Optional.of(multiplier), write1h);
    }

    public CacheBilling withWrite1h(Multiplier multiplier) {
        return new CacheBilling(enabled, divisor, write, Optional.of(multiplier));
    }

    /** The multiplier of 1-hour cache writes: its own, else the default write one. */
    public Optional<Multiplier> effectiveWrite1h() {
        return write1h.or(() -> write);
    }

    /**
     * The input fee of {@code usage}'s prompt at {@code inputPrice} (already tier-adjusted). Cached
     * tokens are clamped to the prompt, default-cache writes to what remains, then 1-hour writes to
     * what remains after those; each part's product is integer-divided once (rounded down).
     */
    public BigInteger inputFee(BigInteger inputPrice, ChatUsage usage) {
        long prompt = usage.promptTokens();
        if (!enabled) {
            return times(inputPrice, prompt);
        }
        long cached = Math.min(usage.cachedTokens(), prompt);
        long remaining = prompt - cached;
        long written = write.isPresent() ? Math.min(usage.cacheWriteTokens(), remaining) : 0;
        remaining -= written;
        Optional<Multiplier> hourly = effectiveWrite1h();
        long written1h = hourly.isPresent() ? Math.min(usage.cacheWrite1hTokens(), remaining) : 0;
        remaining -= written1h;
        BigInteger fee = times(inputPrice, remaining)
                .add(times(inputPrice, cached).divide(BigInteger.valueOf(divisor)));
        if (written > 0) {
            fee = fee.add(write.get().applyTo(times(inputPrice, written)));
        }
        if (written1h > 0) {
            fee = fee.add(hourly.get().applyTo(times(inputPrice, written1h)));
        }
        return fee;
    }

    private static BigInteger times(BigInteger price, long count) {
        return price.multiply(BigInteger.valueOf(count));
    }
}
