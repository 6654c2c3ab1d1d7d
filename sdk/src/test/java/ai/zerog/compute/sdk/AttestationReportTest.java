package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The document forms {@code verifyService} meets beyond our own broker's. */
class AttestationReportTest {
    private static final Address SIGNER = Secp256k1Key.random().address();
    private static final String COMPOSE = "{\"docker_compose_file\":\"services:\\n  a:\\n    image: x/y:1\\n\"}";

    @Test
    void shouldAcceptTheLayoutThatKeepsTheRawSignerAddressInBytes32To52() {
        byte[] data = new byte[64];
        data[0] = 7; // an X25519 public key would be here
        System.arraycopy(SIGNER.bytes(), 0, data, 32, 20);

        AttestationReport.Verdict verdict = report("{\"report_data\":\"" + Base64.getEncoder().encodeToString(data) + "\"}")
                .signerBinding(SIGNER);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.detail()).contains("bytes 32-52");
    }

    @Test
    void shouldFailReportDataThatIsNotBase64() {
        AttestationReport.Verdict verdict = report("{\"report_data\":\"%%%\"}").signerBinding(SIGNER);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.detail()).contains("not base64");
    }

    @Test
    void shouldReadTcbInfoNestedUnderInfoAndADocumentEncodedAsAJsonString() throws Exception {
        String hash = AttestationReport.sha256Hex(COMPOSE);
        String inner = Jsons.MAPPER.writeValueAsString(Jsons.MAPPER.createObjectNode()
                .put("event_log", "[{\"event\":\"compose-hash\",\"event_payload\":\"" + hash + "\"}]")
                .set("info", Jsons.MAPPER.createObjectNode().set("tcb_info",
                        Jsons.MAPPER.createObjectNode().put("app_compose", COMPOSE))));
        String encodedTwice = Jsons.MAPPER.writeValueAsString(inner);

        AttestationReport report = report(encodedTwice);

        assertThat(report.composeHash().passed()).isTrue();
        assertThat(report.dockerImages()).containsExactly("x/y:1");
        assertThat(report.simulated()).isFalse();
    }

    @Test
    void shouldFailTheComposeCheckWithoutAComposeHashEvent() {
        AttestationReport.Verdict verdict = report("{\"event_log\":\"[]\",\"tcb_info\":{\"app_compose\":\"{}\"}}")
                .composeHash();

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.detail()).isEqualTo("event_log has no compose-hash event");
    }

    private static AttestationReport report(String json) {
        return AttestationReport.parse(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }
}
