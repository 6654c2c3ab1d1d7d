package ai.zerog.compute.sdk;

import ai.zerog.compute.core.PriceTier;
import ai.zerog.compute.core.PricingJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A service's on-chain {@code additionalInfo} JSON (PROTOCOL.md §6.3), read once for everyone who
 * needs it: the display keys, the §5.3 step 6 signer keys and the §6.2 attestation keys. Reading
 * never fails: text that is {@link Shape#BLANK blank} or {@link Shape#NOT_AN_OBJECT not a JSON
 * object} reads as a plain single-model, unseparated, decentralized service. Whether that is an
 * error is the caller's rule, so {@link #shape()} says which case it was (§5.3 step 5 and §6.2
 * step 1 refuse anything but an {@link Shape#OBJECT object}).
 */
public final class AdditionalInfo {
    /** What the text was, before any key is read. */
    public enum Shape {
        /** Empty or only whitespace. */
        BLANK,
        /** Not JSON, or JSON but not an object ({@code [1]}, {@code "x"}, {@code null}). */
        NOT_AN_OBJECT,
        /** A JSON object: its keys were read. */
        OBJECT
    }

    /** {@code ProviderType}; absent and every value but {@code centralized} (e.g. {@code standard}) is decentralized. */
    public enum ProviderType { DECENTRALIZED, CENTRALIZED }

    private static final String DSTACK = "dstack";
    private static final AdditionalInfo BLANK = new AdditionalInfo(Shape.BLANK, Jsons.MAPPER.createObjectNode());
    private static final AdditionalInfo NOT_AN_OBJECT =
            new AdditionalInfo(Shape.NOT_AN_OBJECT, Jsons.MAPPER.createObjectNode());

    private final Shape shape;
    private final boolean multiModel;
    private final Optional<String> priceDenomination;
    private final List<PriceTier> tiers;
    private final OptionalLong cacheDivisor;
    private final Optional<String> teeVerifier;
    private final boolean targetSeparated;
    private final ProviderType providerType;
    private final Optional<String> targetTeeAddress;
    private final String attestationVerifier;
    private final boolean separatedForAttestation;
    private final String verifierUrl;

    private AdditionalInfo(Shape shape, JsonNode info) {
        this.shape = shape;
        multiModel = info.path("MultiModel").isBoolean() && info.get("MultiModel").asBoolean();
        priceDenomination = text(info.path("priceDenomination"));
        tiers = List.copyOf(PricingJson.CHAIN.tiers(info.path("tieredPricing").path("tiers")));
        cacheDivisor = positiveWhole(info.path("cacheTokenBilling").path("divisor"));
        teeVerifier = text(info.path("TEEVerifier"));
        targetSeparated = info.path("TargetSeparated").isBoolean() && info.get("TargetSeparated").asBoolean();
        providerType = "centralized".equals(info.path("ProviderType").asText(""))
                ? ProviderType.CENTRALIZED : ProviderType.DECENTRALIZED;
        targetTeeAddress = text(info.path("TargetTeeAddress"));
        String verifier = info.path("TEEVerifier").asText("");
        attestationVerifier = verifier.isEmpty() ? DSTACK : verifier;
        separatedForAttestation = info.path("TargetSeparated").asBoolean(false);
        verifierUrl = info.path("VerifierURL").asText("");
    }

    /** Reads {@code Service.additionalInfo()}; never fails. */
    public static AdditionalInfo parse(String json) {
        if (json.isBlank()) {
            return BLANK;
        }
        JsonNode info;
        try {
            info = Jsons.MAPPER.readTree(json);
        } catch (IOException notJson) {
            return NOT_AN_OBJECT;
        }
        return info != null && info.isObject() ? new AdditionalInfo(Shape.OBJECT, info) : NOT_AN_OBJECT;
    }

    public Shape shape() {
        return shape;
    }

    /** {@code MultiModel: true} (the JSON boolean): several models behind one address. */
    public boolean multiModel() {
        return multiModel;
    }

    /** {@code priceDenomination} ({@code NATIVE} or {@code USD}) when it is a non-empty string. */
    public Optional<String> priceDenomination() {
        return priceDenomination;
    }

    /** {@code tieredPricing.tiers}, empty when the service is not tiered (entries that do not fit are skipped). */
    public List<PriceTier> tiers() {
        return tiers;
    }

    public boolean tiered() {
        return !tiers.isEmpty();
    }

    /** {@code cacheTokenBilling.divisor} when a positive whole number: cached prompt tokens cost price ÷ divisor. */
    public OptionalLong cacheDivisor() {
        return cacheDivisor;
    }

    /** {@code TEEVerifier} ({@code dstack}, {@code cryptopilot}) when it is a non-empty string, for display. */
    public Optional<String> teeVerifier() {
        return teeVerifier;
    }

    /** {@code TargetSeparated}, true only for the JSON boolean {@code true} (§5.3 step 6: {@code === true}). */
    public boolean targetSeparated() {
        return targetSeparated;
    }

    public ProviderType providerType() {
        return providerType;
    }

    /** {@code TargetTeeAddress} when it is a non-empty string, unchecked: the model TEE's signer when separated. */
    public Optional<String> targetTeeAddress() {
        return targetTeeAddress;
    }

    /**
     * §5.3 step 6: the address answers must be signed by instead of the service's TEE signer, present
     * only when the model runs in its own TEE ({@link #targetSeparated()}, not
     * {@link ProviderType#CENTRALIZED centralized}, {@link #targetTeeAddress()} set).
     */
    public Optional<String> separatedSigner() {
        return targetSeparated && providerType != ProviderType.CENTRALIZED ? targetTeeAddress : Optional.empty();
    }

    /**
     * §6.2 step 2: {@code TEEVerifier} in its JSON spelling (so {@code 5} reads {@code "5"}, an
     * unsupported verifier), {@code dstack} when it is absent, null, empty or not a scalar.
     */
    String attestationVerifier() {
        return attestationVerifier;
    }

    /**
     * {@code TargetSeparated} as {@code verifyService} has always read it: Jackson's lenient boolean,
     * so the string {@code "true"} and non-zero integers also count (unlike {@link #targetSeparated()}).
     */
    boolean separatedForAttestation() {
        return separatedForAttestation;
    }

    /** {@code VerifierURL} in its JSON spelling, empty when absent (standard providers publish none). */
    String verifierUrl() {
        return verifierUrl;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdditionalInfo that && shape == that.shape && multiModel == that.multiModel
                && priceDenomination.equals(that.priceDenomination) && tiers.equals(that.tiers)
                && cacheDivisor.equals(that.cacheDivisor) && teeVerifier.equals(that.teeVerifier)
                && targetSeparated == that.targetSeparated && providerType == that.providerType
                && targetTeeAddress.equals(that.targetTeeAddress)
                && attestationVerifier.equals(that.attestationVerifier)
                && separatedForAttestation == that.separatedForAttestation && verifierUrl.equals(that.verifierUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, multiModel, priceDenomination, tiers, cacheDivisor, teeVerifier, targetSeparated,
                providerType, targetTeeAddress, attestationVerifier, separatedForAttestation, verifierUrl);
    }

    @Override
    public String toString() {
        return "AdditionalInfo[" + shape + (shape != Shape.OBJECT ? "]" : ", multiModel=" + multiModel
                + ", priceDenomination=" + priceDenomination + ", tiers=" + tiers + ", cacheDivisor=" + cacheDivisor
                + ", teeVerifier=" + teeVerifier + ", targetSeparated=" + targetSeparated + ", providerType="
                + providerType + ", targetTeeAddress=" + targetTeeAddress + ", verifierUrl=" + verifierUrl + "]");
    }

    static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    static OptionalLong positiveWhole(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong() && node.asLong() > 0 ? OptionalLong.of(node.asLong())
                : OptionalLong.empty();
    }
}
