package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.Signatures;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TeeSigner} must do, whatever holds its key: sign answers so the SDK's
 * {@code processResponse} recovers the signer, sign settlement digests without a prefix, and serve
 * a quote document that passes the SDK's signer and compose checks. Each implementation's test
 * extends this.
 */
abstract class TeeSignerContract {

    abstract TeeSigner signer();

    @Test
    void shouldSignTextSoThatEip191RecoveryYieldsItsAddress() {
        TeeSigner signer = signer();
        String text = "0bfcf1c873fe23e87366969117efdc24b95f341eb2f4abe10ae01e7a1f4994c6:"
                + "4bdc167f41842940a056a9195368a5ef454bfecbb3a7ee8c247e07313dd4fbef";

        Signature signature = signer.signText(text);

        assertThat(Signatures.recoverPersonalMessage(text.getBytes(StandardCharsets.UTF_8), signature))
                .contains(signer.address());
    }

    @Test
    void shouldSignNonAsciiTextAsUtf8() {
        TeeSigner signer = signer();
        String text = "naïve ☃ 答案";

        Signature signature = signer.signText(text);

        assertThat(Signatures.recoverPersonalMessage(text.getBytes(StandardCharsets.UTF_8), signature))
                .contains(signer.address());
    }

    @Test
    void shouldSignDigestsWithoutPrefix() {
        TeeSigner signer = signer();
        Hash32 digest = Hash32.keccak256("settlement digest");

        Signature signature = signer.signDigest(digest);

        assertThat(Signatures.recoverDigest(digest, signature)).contains(signer.address());
        assertThat(Signatures.recoverPersonalMessage(digest.bytes(), signature)).isNotEqualTo(Optional.of(signer.address()));
    }

    @Test
    void shouldServeQuoteDocumentWhoseReportDataNamesTheSigner() {
        TeeSigner signer = signer();

        JsonNode report = AttestationChecks.parse(signer.quoteDocument());

        assertThat(AttestationChecks.reportSigner(report)).contains(signer.address().checksummed());
        assertThat(AttestationChecks.signerMatches(report, signer.address().hex())).isTrue();
    }

    @Test
    void shouldServeQuoteDocumentWhoseComposeHashMatchesAppCompose() {
        JsonNode report = AttestationChecks.parse(signer().quoteDocument());

        assertThat(AttestationChecks.composeMatches(report)).isTrue();
    }

    @Test
    void shouldServeQuoteDocumentInDstackShape() {
        JsonNode report = AttestationChecks.parse(signer().quoteDocument());

        assertThat(report.path("quote").asText()).matches("([0-9a-f]{2})+");
        assertThat(report.path("event_log").isTextual()).isTrue();
        assertThat(AttestationChecks.parse(report.path("event_log").asText()).isArray()).isTrue();
        assertThat(report.path("vm_config").isTextual()).isTrue();
        assertThat(report.path("tcb_info").isTextual()).isTrue();
        assertThat(AttestationChecks.parse(report.path("tcb_info").asText()).path("app_compose").isTextual()).isTrue();
    }

    @Test
    void shouldNameItsKind() {
        assertThat(signer().kind()).isIn("software", "dstack");
    }
}
