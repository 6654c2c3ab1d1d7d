package ai.zerog.compute.core;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a chat service turns usage into a fee beyond the flat {@code tokens × price} (PROTOCOL.md
 * §7.3): an ordered tier table picked by prompt size, whose multipliers scale both base prices
 * before anything else, then cache-token billing of the prompt at the scaled input price.
 */
public record ChatPricing(List<PriceTier> tiers, CacheBilling cache) {
    /** No tiers, no cache billing: every token at its base price. */
    public static final ChatPricing FLAT = new ChatPricing(List.of(), CacheBilling.off());

    public ChatPricing {
        tiers = List.copyOf(tiers);
        Objects.requireNonNull(cache, "cache");
    }

    public ChatPricing withTiers(List<PriceTier> newTiers) {
        return new ChatPricing(newTiers, cache);
    }

    public ChatPricing withCache(CacheBilling newCache) {
        return new ChatPricing(tiers, newCache);
    }

    public boolean tiered() {
        return !tiers.isEmpty();
    }

    /**
     * The tier a prompt of {@code promptTokens} tokens bills in: the first with no bound or a bound
     * of at least {@code promptTokens}; beyond every bound, the last. Empty without tiers.
     */
    public Optional<PriceTier> tierFor(long promptTokens) {
        if (tiers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tiers.stream().filter(t -> t.admits(promptTokens)).findFirst()
                .orElse(tiers.get(tiers.size() - 1)));
    }

    /** Both base prices after the multipliers of the tier {@code promptTokens} falls in. */
    public ServicePrices pricesFor(long promptTokens, ServicePrices base) {
        return tierFor(promptTokens).map(tier -> tier.applyTo(base)).orElse(base);
    }

    /** The fee of one answer: tier first, then cache rules on the input side, {@code completion × outputPrice′}. */
    public Fee fee(ServicePrices base, ChatUsage usage) {
        ServicePrices prices = pricesFor(usage.promptTokens(), base);
        return new Fee(cache.inputFee(prices.inputPrice(), usage),
                prices.outputPrice().multiply(BigInteger.valueOf(usage.completionTokens())));
    }
}
