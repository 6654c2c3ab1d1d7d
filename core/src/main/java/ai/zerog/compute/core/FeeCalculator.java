package ai.zerog.compute.core;

import java.math.BigInteger;
import java.util.Objects;

/** The broker's authoritative fee per request (PROTOCOL.md §7.2) for one service's prices. */
public final class FeeCalculator {

    private final ServicePrices prices;
    private final ChatPricing chatPricing;

    private FeeCalculator(ServicePrices prices, ChatPricing chatPricing) {
        this.prices = Objects.requireNonNull(prices, "prices");
        this.chatPricing = Objects.requireNonNull(chatPricing, "chatPricing");
    }

    /** Flat prices: every chat token at its base price ({@link ChatPricing#FLAT}). */
    public static FeeCalculator of(ServicePrices prices) {
        return new FeeCalculator(prices, ChatPricing.FLAT);
    }

    /** Chat bills by {@code chatPricing}'s tiers and cache rules (PROTOCOL.md §7.3); other kinds at base prices. */
    public static FeeCalculator of(ServicePrices prices, ChatPricing chatPricing) {
        return new FeeCalculator(prices, chatPricing);
    }

    public ServicePrices prices() {
        return prices;
    }

    public ChatPricing chatPricing() {
        return chatPricing;
    }

    /**
     * {@code inputFee(prompt) + completionTokens × outputPrice′} with the prices′ of the prompt's
     * tier and the cache rules ({@link ChatPricing#fee}); flat, {@code promptTokens × inputPrice}
     * and {@code completionTokens × outputPrice}.
     */
    public Fee chat(ChatUsage usage) {
        return chatPricing.fee(prices, usage);
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
