package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code additionalInfo} JSON a TEE provider registers (PROTOCOL.md §6.3), written like the
 * official broker's Go map: keys in sorted order, no spaces. {@code VerifierURL},
 * {@code TEEVerifier}, {@code TargetSeparated} and {@code TargetTeeAddress} are always written;
 * {@code ImageName} and {@code ImageDigest} only when set (empty = unset). The SDK needs
 * {@code TEEVerifier = "dstack"} to run its report checks, and {@code TargetSeparated = false}
 * to expect a single combined report and the signer from {@code teeSignerAddress}.
 */
public record AdditionalInfo(String verifierUrl, String teeVerifier, boolean targetSeparated, String targetTeeAddress,
                             String imageName, String imageDigest) {
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
        int length = render(verifierUrl, teeVerifier, targetSeparated, targetTeeAddress, imageName, imageDigest)
                .getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_BYTES) {
            throw new ProviderException("additionalInfo is " + length + " bytes; the contract accepts at most "
                    + MAX_BYTES);
        }
    }

    /** A provider whose broker and model share one dstack TEE, running {@code imageName} (digest may be empty). */
    public static AdditionalInfo dstack(String imageName, String imageDigest) {
        return new AdditionalInfo("", DSTACK, false, "", imageName, imageDigest);
    }

    /** The JSON string stored on chain. */
    public String json() {
        return render(verifierUrl, teeVerifier, targetSeparated, targetTeeAddress, imageName, imageDigest);
    }

    private static String render(String verifierUrl, String teeVerifier, boolean targetSeparated,
                                 String targetTeeAddress, String imageName, String imageDigest) {
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
        try {
            return JSON.writeValueAsString(keys);
        } catch (JsonProcessingException e) {
            throw new ProviderException("cannot serialise additionalInfo", e);
        }
    }
}
