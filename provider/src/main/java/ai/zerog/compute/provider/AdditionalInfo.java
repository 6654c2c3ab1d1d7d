package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CacheBilling;
import ai.zerog.compute.core.ChatPricing;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.PriceTier;
import ai.zerog.compute.core.PricingJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code additionalInfo} JSON a TEE provider registers (PROTOCOL.md §6.3), written like the
 * official broker's Go map: keys in sorted order, no spaces. {@code VerifierURL},
 * {@code TEEVerifier}, {@code TargetSeparated} and {@code TargetTeeAddress} are always written;
 * {@code ImageName} and {@code ImageDigest} only when set (empty = unset); {@code tieredPricing}
 * ({@code {"tiers": […]}}) only with tiers and {@code cacheTokenBilling} only when enabled (§7.3),
 * so clients can show what chat tokens cost. The SDK needs {@code TEEVerifier = "dstack"} to run
 * its report checks, and {@code TargetSeparated = false} to expect a single combined report and
 * the signer from {@code teeSignerAddress}.
 */
public record AdditionalInfo(String verifierUrl, String teeVerifier, boolean targetSeparated, String targetTeeAddress,
                             String imageName, String imageDigest, List<PriceTier> tiers, CacheBilling cache) {
    /** The contract refuses longer {@code additionalInfo} ({@code AdditionalInfoTooLong}). */
    public static final int MAX_BYTES = 4096;
    public static final String DSTACK = "dstack";

    private static final ObjectMapper JSON = new ObjectMapper();

    public AdditionalInfo {
        Objects.requireNonNull(verifierUrl, "verifierUrl");
        Objects.requireNonNull(teeVerifier, "teeVerifier");
        Objects.requireNonNull(targetTeeAddress, "targetTeeAddress");
        Objects.requireNonNull(imageName, "imageName");
        Objects.requireNonNull(imageDigest, "imageDigest");
        tiers = List.copyOf(tiers);
        Objects.requireNonNull(cache, "cache");
        if (!targetTeeAddress.isEmpty()) {
            try {
                Address.of(targetTeeAddress);
            } catch (CoreException e) {
                throw new ProviderException("additionalInfo TargetTeeAddress must be empty or an address: "
                        + e.getMessage(), e);
            }
        }
        if (!targetSeparated && !targetTeeAddress.isEmpty()) {
            throw new ProviderException("additionalInfo TargetTeeAddress is only meaningful with TargetSeparated=true");
        }
        int length = render(verifierUrl, teeVerifier, targetSeparated, targetTeeAddress, imageName, imageDigest, tiers,
                cache).getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_BYTES) {
            throw new ProviderException("additionalInfo is " + length + " bytes; the contract accepts at most "
                    + MAX_BYTES);
        }
    }

    /** Without pricing keys (flat chat prices). */
    public AdditionalInfo(String verifierUrl, String teeVerifier, boolean targetSeparated, String targetTeeAddress,
                          String imageName, String imageDigest) {
        this(verifierUrl, teeVerifier, targetSeparated, targetTeeAddress, imageName, imageDigest, List.of(),
                CacheBilling.off());
    }

    /** A provider whose broker and model share one dstack TEE, running {@code imageName} (digest may be empty). */
    public static AdditionalInfo dstack(String imageName, String imageDigest) {
        return new AdditionalInfo("", DSTACK, false, "", imageName, imageDigest);
    }

    /** This info announcing {@code pricing}'s tier table and cache billing. */
    public AdditionalInfo withPricing(ChatPricing pricing) {
        return new AdditionalInfo(verifierUrl, teeVerifier, targetSeparated, targetTeeAddress, imageName, imageDigest,
                pricing.tiers(), pricing.cache());
    }

    /** The JSON string stored on chain. */
    public String json() {
        return render(verifierUrl, teeVerifier, targetSeparated, targetTeeAddress, imageName, imageDigest, tiers, cache);
    }

    private static String render(String verifierUrl, String teeVerifier, boolean targetSeparated,
                                 String targetTeeAddress, String imageName, String imageDigest, List<PriceTier> tiers,
                                 CacheBilling cache) {
        Map<String, Object> keys = new TreeMap<>(); // Go sorts map keys by bytes; ASCII keys sort the same here
        keys.put("VerifierURL", verifierUrl);
        keys.put("TEEVerifier", teeVerifier);
        keys.put("TargetSeparated", targetSeparated);
        keys.put("TargetTeeAddress", targetTeeAddress);
        if (!imageName.isEmpty()) {
            keys.put("ImageName", imageName);
        }
        if (!imageDigest.isEmpty()) {
            keys.put("ImageDigest", imageDigest);
        }
        if (!tiers.isEmpty()) {
            keys.put("tieredPricing", Map.of("tiers", PricingJson.CHAIN.write(tiers)));
        }
        if (cache.enabled()) {
            keys.put("cacheTokenBilling", PricingJson.CHAIN.write(cache));
        }
        try {
            return JSON.writeValueAsString(keys);
        } catch (JsonProcessingException e) {
            throw new ProviderException("cannot serialise additionalInfo", e);
        }
    }
}
