package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.sdk.AdditionalInfo.ProviderType;
import ai.zerog.compute.sdk.AdditionalInfo.Shape;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The one reading of a service's {@code additionalInfo} (PROTOCOL.md §6.3, §5.3 steps 5–6, §6.2 step 2). */
class AdditionalInfoTest {
    private static final String TARGET = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";

    @Test
    void shouldTellBlankFromTextThatIsNotAJsonObject() {
        for (String blank : List.of("", " ", "\n\t ")) {
            assertThat(AdditionalInfo.parse(blank).shape()).as("'%s'", blank).isEqualTo(Shape.BLANK);
        }
        for (String text : List.of("not json", "{", "{\"TargetSeparated\":}", "[1]", "[]", "\"{}\"", "null", "5",
                "true", "0x90f79bf6eb2c4f870365e785982e1f101e93b906")) {
            assertThat(AdditionalInfo.parse(text).shape()).as(text).isEqualTo(Shape.NOT_AN_OBJECT);
        }
        assertThat(AdditionalInfo.parse("{}").shape()).isEqualTo(Shape.OBJECT);
        assertThat(AdditionalInfo.parse(" {\"MultiModel\":true} ").shape()).isEqualTo(Shape.OBJECT);
    }

    @Test
    void shouldReadAnythingButAnObjectAsAPlainDecentralizedDstackService() {
        for (String text : List.of("", "not json", "[{\"MultiModel\":true}]", "null")) {
            AdditionalInfo info = AdditionalInfo.parse(text);
            assertThat(info.multiModel()).as(text).isFalse();
            assertThat(info.priceDenomination()).as(text).isEmpty();
            assertThat(info.tiered()).as(text).isFalse();
            assertThat(info.cacheDivisor()).as(text).isEmpty();
            assertThat(info.teeVerifier()).as(text).isEmpty();
            assertThat(info.targetSeparated()).as(text).isFalse();
            assertThat(info.providerType()).as(text).isEqualTo(ProviderType.DECENTRALIZED);
            assertThat(info.targetTeeAddress()).as(text).isEmpty();
            assertThat(info.separatedSigner()).as(text).isEmpty();
            assertThat(info.attestationVerifier()).as(text).isEqualTo("dstack");
            assertThat(info.separatedForAttestation()).as(text).isFalse();
            assertThat(info.verifierUrl()).as(text).isEmpty();
        }
        assertThat(AdditionalInfo.parse("")).isEqualTo(AdditionalInfo.parse("  "))
                .isNotEqualTo(AdditionalInfo.parse("[]"));
    }

    @Test
    void shouldReadTheKeysABrokerWrites() {
        AdditionalInfo info = AdditionalInfo.parse("""
                {"ImageDigest":"sha256:ab","ImageName":"broker:1","MultiModel":true,"ProviderType":"centralized",
                 "TEEVerifier":"dstack","TargetSeparated":true,"TargetTeeAddress":"%s","VerifierURL":"https://v",
                 "cacheTokenBilling":{"divisor":4},"priceDenomination":"USD",
                 "tieredPricing":{"tiers":[{"maxInputTokens":0,"inputMultiplier":2,"outputMultiplier":1}]}}
                """.formatted(TARGET));

        assertThat(info.shape()).isEqualTo(Shape.OBJECT);
        assertThat(info.multiModel()).isTrue();
        assertThat(info.priceDenomination()).contains("USD");
        assertThat(info.tiers()).hasSize(1);
        assertThat(info.cacheDivisor()).isEqualTo(OptionalLong.of(4));
        assertThat(info.teeVerifier()).contains("dstack");
        assertThat(info.targetSeparated()).isTrue();
        assertThat(info.providerType()).isEqualTo(ProviderType.CENTRALIZED);
        assertThat(info.targetTeeAddress()).contains(TARGET);
        assertThat(info.attestationVerifier()).isEqualTo("dstack");
        assertThat(info.separatedForAttestation()).isTrue();
        assertThat(info.verifierUrl()).isEqualTo("https://v");
        assertThatThrownBy(() -> info.tiers().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldSeparateOnlyOnTheJsonBooleanTrueForTheSigner() {
        assertThat(AdditionalInfo.parse("{\"TargetSeparated\":true}").targetSeparated()).isTrue();
        for (String value : List.of("false", "\"true\"", "1", "null", "{}")) {
            assertThat(AdditionalInfo.parse("{\"TargetSeparated\":" + value + "}").targetSeparated()).as(value).isFalse();
        }
        assertThat(AdditionalInfo.parse("{}").targetSeparated()).isFalse();
    }

    @Test
    void shouldReadOnlyCentralizedAsCentralized() {
        assertThat(AdditionalInfo.parse("{\"ProviderType\":\"centralized\"}").providerType())
                .isEqualTo(ProviderType.CENTRALIZED);
        for (String value : List.of("\"decentralized\"", "\"standard\"", "\"Centralized\"", "\" centralized\"", "\"\"",
                "null", "5", "[\"centralized\"]")) {
            assertThat(AdditionalInfo.parse("{\"ProviderType\":" + value + "}").providerType()).as(value)
                    .isEqualTo(ProviderType.DECENTRALIZED);
        }
        assertThat(AdditionalInfo.parse("{}").providerType()).isEqualTo(ProviderType.DECENTRALIZED);
    }

    @Test
    void shouldNameTheModelTeeAsSignerOnlyWhenSeparatedDecentralizedAndSet() {
        assertThat(signerOf("{\"TargetSeparated\":true,\"TargetTeeAddress\":\"" + TARGET + "\"}")).contains(TARGET);
        assertThat(signerOf("{\"TargetSeparated\":true,\"ProviderType\":\"standard\",\"TargetTeeAddress\":\"" + TARGET
                + "\"}")).as("standard counts as decentralized").contains(TARGET);
        assertThat(signerOf("{\"TargetSeparated\":true,\"TargetTeeAddress\":\"not an address\"}"))
                .as("unchecked here: the verifier reports it").contains("not an address");
        assertThat(signerOf("{\"TargetSeparated\":true,\"ProviderType\":\"centralized\",\"TargetTeeAddress\":\"" + TARGET
                + "\"}")).isEmpty();
        assertThat(signerOf("{\"TargetSeparated\":false,\"TargetTeeAddress\":\"" + TARGET + "\"}")).isEmpty();
        assertThat(signerOf("{\"TargetSeparated\":\"true\",\"TargetTeeAddress\":\"" + TARGET + "\"}")).isEmpty();
        assertThat(signerOf("{\"TargetSeparated\":true,\"TargetTeeAddress\":\"\"}")).isEmpty();
        assertThat(signerOf("{\"TargetSeparated\":true,\"TargetTeeAddress\":42}")).isEmpty();
        assertThat(signerOf("{\"TargetSeparated\":true}")).isEmpty();
    }

    @Test
    void shouldReadTheAttestationKeysAsVerifyServiceAlwaysHas() {
        assertThat(AdditionalInfo.parse("{\"TEEVerifier\":\"cryptopilot\"}").attestationVerifier()).isEqualTo("cryptopilot");
        assertThat(AdditionalInfo.parse("{\"TEEVerifier\":5}").attestationVerifier()).isEqualTo("5");
        for (String value : List.of("\"\"", "null", "{}", "[]")) {
            assertThat(AdditionalInfo.parse("{\"TEEVerifier\":" + value + "}").attestationVerifier()).as(value)
                    .isEqualTo("dstack");
        }
        for (String value : List.of("true", "\"true\"", "1", "-1")) {
            assertThat(AdditionalInfo.parse("{\"TargetSeparated\":" + value + "}").separatedForAttestation()).as(value)
                    .isTrue();
        }
        for (String value : List.of("false", "\"yes\"", "0", "null", "1.5")) {
            assertThat(AdditionalInfo.parse("{\"TargetSeparated\":" + value + "}").separatedForAttestation()).as(value)
                    .isFalse();
        }
        assertThat(AdditionalInfo.parse("{\"VerifierURL\":\"https://v\"}").verifierUrl()).isEqualTo("https://v");
        assertThat(AdditionalInfo.parse("{\"VerifierURL\":null}").verifierUrl()).isEmpty();
    }

    @Test
    void shouldShowOnlyWellTypedDisplayKeys() {
        AdditionalInfo mistyped = AdditionalInfo.parse("""
                {"MultiModel":"true","priceDenomination":5,"TEEVerifier":5,
                 "cacheTokenBilling":{"divisor":"4"},"tieredPricing":{"tiers":{"maxInputTokens":0}}}
                """);
        assertThat(mistyped.multiModel()).isFalse();
        assertThat(mistyped.priceDenomination()).isEmpty();
        assertThat(mistyped.teeVerifier()).as("display shows strings only").isEmpty();
        assertThat(mistyped.attestationVerifier()).as("verifyService refuses it").isEqualTo("5");
        assertThat(mistyped.cacheDivisor()).isEmpty();
        assertThat(mistyped.tiered()).isFalse();
        for (String divisor : List.of("0", "-4", "1.5", "99999999999999999999")) {
            assertThat(AdditionalInfo.parse("{\"cacheTokenBilling\":{\"divisor\":" + divisor + "}}").cacheDivisor())
                    .as(divisor).isEmpty();
        }
        assertThat(AdditionalInfo.parse("{\"priceDenomination\":\"\",\"TEEVerifier\":\"\"}").priceDenomination()).isEmpty();
    }

    private static Optional<String> signerOf(String json) {
        return AdditionalInfo.parse(json).separatedSigner();
    }
}
