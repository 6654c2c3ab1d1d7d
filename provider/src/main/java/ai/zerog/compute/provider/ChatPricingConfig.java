package ai.zerog.compute.provider;

import ai.zerog.compute.core.CacheBilling;
import ai.zerog.compute.core.ChatPricing;
import ai.zerog.compute.core.PriceTier;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A chat broker's pricing beyond flat prices (PROTOCOL.md §7.3), shaped like the official
 * broker's config: a service-level tier table ({@code tieredPricing}, empty = off) and cache
 * billing ({@code cacheTokenBilling}), and per model a tier table and cache billing of its own.
 * A model bills with its own tiers, else the service's; with its own cache billing, else the
 * service's. Checked against {@link PricingRules} when built; {@link ChatPricingJson} reads it
 * from the provider's config file.
 */
public record ChatPricingConfig(List<PriceTier> tiers, CacheBilling cache, Map<String, ModelPricing> models) {
    /** Flat prices for every model. */
    public static final ChatPricingConfig NONE = new ChatPricingConfig(List.of(), CacheBilling.off(), Map.of());

    /**
     * One model's own pricing.
     *
     * @param tiers its tier table; empty = the service-level one
     * @param cache its cache billing ({@link CacheBilling#off()} switches it off); empty = the service-level one
     */
    public record ModelPricing(List<PriceTier> tiers, Optional<CacheBilling> cache) {
        public ModelPricing {
            tiers = List.copyOf(tiers);
            Objects.requireNonNull(cache, "cache");
        }
    }

    public ChatPricingConfig {
        tiers = List.copyOf(tiers);
        Objects.requireNonNull(cache, "cache");
        models = Map.copyOf(models);
        PricingRules.checkTiers("tieredPricing.tiers", tiers);
        PricingRules.checkCache("cacheTokenBilling", cache);
        new TreeMap<>(models).forEach((model, own) -> {
            if (model.isBlank()) {
                throw PricingRules.invalid("modelPricing entries must name a model");
            }
            PricingRules.checkTiers("modelPricing[" + model + "].tiers", own.tiers());
            own.cache().ifPresent(c -> PricingRules.checkCache("modelPricing[" + model + "].cacheTokenBilling", c));
        });
    }

    /** Service-level pricing only. */
    public static ChatPricingConfig of(List<PriceTier> tiers, CacheBilling cache) {
        return new ChatPricingConfig(tiers, cache, Map.of());
    }

    /** This config with {@code model}'s own pricing added (or replaced). */
    public ChatPricingConfig withModel(String model, ModelPricing own) {
        Map<String, ModelPricing> more = new TreeMap<>(models);
        more.put(model, own);
        return new ChatPricingConfig(tiers, cache, more);
    }

    /** What {@code model} bills with: its own tiers, else the service's; its own cache billing, else the service's. */
    public ChatPricing forModel(String model) {
        Optional<ModelPricing> own = Optional.ofNullable(models.get(model));
        List<PriceTier> modelTiers = own.map(ModelPricing::tiers).orElse(List.of());
        return new ChatPricing(modelTiers.isEmpty() ? tiers : modelTiers,
                own.flatMap(ModelPricing::cache).orElse(cache));
    }

    /**
     * Refuses this pricing for a broker serving {@code model} as {@code serviceType}: tiers and
     * cache billing price chat tokens only, and a {@code modelPricing} entry must name the served model.
     */
    public void checkServes(String serviceType, String model) {
        if (!serviceType.equals("chatbot") && !flat()) {
            throw new ProviderException("tieredPricing and cacheTokenBilling price chat tokens; a " + serviceType
                    + " service cannot use them");
        }
        for (String priced : new TreeMap<>(models).keySet()) {
            if (!priced.equals(model)) {
                throw new ProviderException("modelPricing names model '" + priced + "' but this broker serves '"
                        + model + "'");
            }
        }
    }

    /** Whether every model bills flat: no tier table and no cache billing anywhere. */
    public boolean flat() {
        return tiers.isEmpty() && !cache.enabled() && models.values().stream()
                .allMatch(own -> own.tiers().isEmpty() && !own.cache().map(CacheBilling::enabled).orElse(false));
    }
}
