package ai.zerog.compute.provider;

import ai.zerog.compute.core.ChatPricing;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How one broker serves: where it listens, what it sells at which price (neuron per unit,
 * PROTOCOL.md §7.1), how chat tokens are priced beyond that ({@code pricing}: tiers and cache
 * billing, §7.3), its limits and how long it keeps things. Validated at construction; messages
 * name the key and the bound.
 */
public record ProviderConfig(String host, int port, String serviceType, String model, BigInteger inputPrice,
                             BigInteger outputPrice, String verifiability, RateLimits limits, int maxBodyBytes,
                             Duration signatureRetention, Duration accountCacheTtl, Duration tokenCacheTtl,
                             Duration eventPollInterval, ChatPricingConfig pricing) {
    public static final Set<String> SERVICE_TYPES = Set.of("chatbot", "text-to-image", "image-editing", "speech-to-text");
    public static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
    /** The official broker keeps signatures 20 minutes; we keep them longer. */
    public static final Duration DEFAULT_SIGNATURE_RETENTION = Duration.ofHours(24);

    public ProviderConfig {
        if (port < 0 || port > 65_535) {
            throw new ProviderException("port must be in [0, 65535], got " + port);
        }
        if (!SERVICE_TYPES.contains(serviceType)) {
            throw new ProviderException("serviceType must be one of " + SERVICE_TYPES + ", got '" + serviceType + "'");
        }
        if (model == null || model.isBlank()) {
            throw new ProviderException("model must not be blank");
        }
        if (inputPrice.signum() < 0 || outputPrice.signum() < 0) {
            throw new ProviderException("inputPrice and outputPrice must be >= 0 neuron, got " + inputPrice + " / " + outputPrice);
        }
        if (maxBodyBytes < 1024) {
            throw new ProviderException("maxBodyBytes must be at least 1024, got " + maxBodyBytes);
        }
        if (signatureRetention.compareTo(Duration.ofMinutes(20)) < 0) {
            throw new ProviderException("signatureRetention must be at least 20 minutes (the official broker's), got "
                    + signatureRetention);
        }
        positive("accountCacheTtl", accountCacheTtl);
        positive("tokenCacheTtl", tokenCacheTtl);
        positive("eventPollInterval", eventPollInterval);
        verifiability = verifiability.isBlank() ? "TeeML" : verifiability;
        Objects.requireNonNull(pricing, "pricing (ChatPricingConfig.NONE for flat prices)");
        pricing.checkServes(serviceType, model);
    }

    /** Flat chat prices ({@link ChatPricingConfig#NONE}). */
    public ProviderConfig(String host, int port, String serviceType, String model, BigInteger inputPrice,
                          BigInteger outputPrice, String verifiability, RateLimits limits, int maxBodyBytes,
                          Duration signatureRetention, Duration accountCacheTtl, Duration tokenCacheTtl,
                          Duration eventPollInterval) {
        this(host, port, serviceType, model, inputPrice, outputPrice, verifiability, limits, maxBodyBytes,
                signatureRetention, accountCacheTtl, tokenCacheTtl, eventPollInterval, ChatPricingConfig.NONE);
    }

    /** A chatbot on all interfaces' loopback with official defaults and the given model and prices. */
    public static ProviderConfig chatbot(int port, String model, BigInteger inputPrice, BigInteger outputPrice) {
        return new ProviderConfig("127.0.0.1", port, "chatbot", model, inputPrice, outputPrice, "TeeML",
                RateLimits.DEFAULTS, DEFAULT_MAX_BODY_BYTES, DEFAULT_SIGNATURE_RETENTION, Duration.ofSeconds(30),
                Duration.ofMinutes(5), Duration.ofSeconds(1));
    }

    public ProviderConfig withServiceType(String type) {
        return new ProviderConfig(host, port, type.toLowerCase(Locale.ROOT), model, inputPrice, outputPrice, verifiability,
                limits, maxBodyBytes, signatureRetention, accountCacheTtl, tokenCacheTtl, eventPollInterval, pricing);
    }

    public ProviderConfig withLimits(RateLimits value) {
        return new ProviderConfig(host, port, serviceType, model, inputPrice, outputPrice, verifiability, value,
                maxBodyBytes, signatureRetention, accountCacheTtl, tokenCacheTtl, eventPollInterval, pricing);
    }

    public ProviderConfig withMaxBodyBytes(int value) {
        return new ProviderConfig(host, port, serviceType, model, inputPrice, outputPrice, verifiability, limits,
                value, signatureRetention, accountCacheTtl, tokenCacheTtl, eventPollInterval, pricing);
    }

    public ProviderConfig withPricing(ChatPricingConfig value) {
        return new ProviderConfig(host, port, serviceType, model, inputPrice, outputPrice, verifiability, limits,
                maxBodyBytes, signatureRetention, accountCacheTtl, tokenCacheTtl, eventPollInterval, value);
    }

    /** What the served model's chat tokens bill with: its own tiers and cache billing, else the service's. */
    public ChatPricing chatPricing() {
        return pricing.forModel(model);
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new ProviderException(key + " must be positive, got " + value);
        }
    }
}
