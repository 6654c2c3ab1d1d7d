package ai.zerog.compute.core;

import java.math.BigInteger;
import java.util.Objects;

/** The broker's authoritative fee per request (PROTOCOL.md §7.2) for one service's prices. */
public final class FeeCalculator {

    private final ServicePrices prices;

    private FeeCalculator(ServicePrices prices) {
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    public static FeeCalculator of(ServicePrices prices) {
        return new FeeCalculator(prices);
    }

    public ServicePrices prices() {
        return prices;
    }

    /** {@code promptTokens × inputPrice} and {@code completionTokens × outputPrice}. */
    public Fee chat(ChatUsage usage) {
        // §7.3 plugs in here: pick the tier, scale both prices, then bill cached and cache-write
        // prompt tokens at their own rates. Not supported yet; every token is billed at base price.
        return new Fee(times(usage.promptTokens(), prices.inputPrice()), times(usage.completionTokens(), prices.outputPrice()));
    }

    /** Text-to-image and image editing: {@code n × outputPrice}, nothing on input. */
    public Fee images(int n) {
        if (n < 0) {
            throw new CoreException("image count must not be negative, got " + n);
        }
        return new Fee(BigInteger.ZERO, times(n, prices.outputPrice()));
    }

    /** Duration-billed speech-to-text: {@code max(round(seconds), 1) × inputPrice} (halves round up). */
    public Fee transcriptionSeconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            throw new CoreException("audio duration must be a finite number of seconds, got " + seconds);
        }
        long billed = Math.max(Math.round(seconds), 1);
        return new Fee(times(billed, prices.inputPrice()), BigInteger.ZERO);
    }

    /** Token-billed speech-to-text: {@code inputTokens × inputPrice} and {@code outputTokens × outputPrice}. */
    public Fee transcriptionTokens(long inputTokens, long outputTokens) {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new CoreException("token counts must not be negative, got input " + inputTokens + " and output " + outputTokens);
        }
        return new Fee(times(inputTokens, prices.inputPrice()), times(outputTokens, prices.outputPrice()));
    }

    private static BigInteger times(long count, BigInteger price) {
        return BigInteger.valueOf(count).multiply(price);
    }
}
