package ai.zerog.compute.provider;

import ai.zerog.compute.core.CacheBilling;
import ai.zerog.compute.core.PriceTier;
import ai.zerog.compute.core.PriceTier.Multiplier;
import java.math.BigDecimal;
import java.util.List;

/**
 * The official broker's start-up rules for tier tables and cache billing (PROTOCOL.md §7.3):
 * whole-number fractions; a tier is a surcharge of 1× to 1000× on the registered base price
 * (denominator at most 1,000,000); bounds strictly ascending with the unbounded tier last; a
 * divisor of at least 1; cache-write multipliers at least 1×, the 1-hour one only on top of the
 * default one and never below it. {@code key} names the config location in messages.
 */
final class PricingRules {
    static final long MAX_TIER_RATIO = 1_000;
    static final BigDecimal MAX_DENOMINATOR = BigDecimal.valueOf(1_000_000);

    private PricingRules() {
    }

    static void checkTiers(String key, List<PriceTier> tiers) {
        for (int i = 0; i < tiers.size(); i++) {
            PriceTier tier = tiers.get(i);
            String at = key + "[" + i + "]";
            checkTierMultiplier(at + ".inputMultiplier", tier.input());
            checkTierMultiplier(at + ".outputMultiplier", tier.output());
            if (tier.unbounded() && i != tiers.size() - 1) {
                throw invalid(at + ".maxInputTokens is 0 (no upper bound), so it must be the last tier");
            }
            if (i > 0 && !tier.unbounded() && tier.maxInputTokens() <= tiers.get(i - 1).maxInputTokens()) {
                throw invalid(key + " must be ordered by maxInputTokens ascending, but " + at + ".maxInputTokens "
                        + tier.maxInputTokens() + " follows " + tiers.get(i - 1).maxInputTokens());
            }
        }
    }

    static void checkCache(String key, CacheBilling cache) {
        cache.write().ifPresent(m -> checkPremium(key + ".writeMultiplier", m));
        cache.write1h().ifPresent(m -> checkPremium(key + ".write1hMultiplier", m));
        if (cache.write1h().isPresent() && cache.write().isEmpty()) {
            throw invalid(key + ".write1hMultiplier is set but " + key + ".writeMultiplier (the default, 5-minute"
                    + " cache) is not; set it too (1/1 bills default cache writes at the full input price)");
        }
        if (cache.write1h().isPresent() && cache.write1h().get().below(cache.write().get())) {
            throw invalid(key + ".write1hMultiplier " + text(cache.write1h().get()) + " must be at least "
                    + key + ".writeMultiplier " + text(cache.write().get())
                    + ": a 1-hour cache write never costs less than a 5-minute one");
        }
    }

    private static void checkTierMultiplier(String key, Multiplier m) {
        checkWhole(key, m);
        if (m.denominator().compareTo(MAX_DENOMINATOR) > 0) {
            throw invalid(key + "Denominator must be at most " + MAX_DENOMINATOR + ", got " + m.denominator());
        }
        if (m.below(Multiplier.ONE)) {
            throw invalid(key + " " + text(m) + " is below 1x: a tier is a surcharge on the registered base"
                    + " price (numerator >= denominator)");
        }
        if (m.numerator().compareTo(m.denominator().multiply(BigDecimal.valueOf(MAX_TIER_RATIO))) > 0) {
            throw invalid(key + " " + text(m) + " is above " + MAX_TIER_RATIO + "x");
        }
    }

    private static void checkPremium(String key, Multiplier m) {
        checkWhole(key, m);
        if (m.below(Multiplier.ONE)) {
            throw invalid(key + "Numerator/" + key.substring(key.lastIndexOf('.') + 1) + "Denominator " + text(m)
                    + " is below 1x: a cache write costs at least the full input price (numerator >= denominator)");
        }
    }

    private static void checkWhole(String key, Multiplier m) {
        if (!m.whole()) {
            throw invalid(key + " must be a fraction of whole numbers, got " + text(m));
        }
    }

    static String text(Multiplier m) {
        return m.numerator().toPlainString() + "/" + m.denominator().toPlainString();
    }

    static ProviderException invalid(String why) {
        return new ProviderException("invalid pricing config: " + why);
    }
}
