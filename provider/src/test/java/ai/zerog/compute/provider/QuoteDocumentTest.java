package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.Address;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The /v1/quote document builder that a software or dstack signer fills. */
class QuoteDocumentTest {
    private static final Address SIGNER = Address.of("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
    private static final String COMPOSE = "{\"docker_compose_file\":\"services: {}\"}";

    @Test
    void shouldPadTheChecksummedAddressToSixtyFourBytes() {
        byte[] data = QuoteDocument.reportData(SIGNER);

        assertThat(data).hasSize(64);
        assertThat(new String(data, 0, 42, StandardCharsets.US_ASCII)).isEqualTo(SIGNER.checksummed());
        assertThat(Arrays.copyOfRange(data, 42, 64)).containsOnly(0);
    }

    @Test
    void shouldCarryGuestAgentStringsUnchangedInDstackKeyOrder() {
        String eventLog = "[{\"imr\":3,\"event_type\":134217729,\"digest\":\"ab\",\"event\":\"compose-hash\","
                + "\"event_payload\":\"" + AttestationChecks.sha256Hex(COMPOSE) + "\"}]";
        String tcbInfo = "{\"app_compose\":" + quoted(COMPOSE) + "}";

        QuoteDocument doc = QuoteDocument.builder()
                .quoteHex("04000200")
                .eventLogJson(eventLog)
                .reportData(QuoteDocument.reportData(SIGNER))
                .vmConfig("{\"cpu_count\":2}")
                .tcbInfoJson(tcbInfo)
                .build();

        JsonNode report = AttestationChecks.parse(doc.json());
        assertThat(report.fieldNames()).toIterable()
                .containsExactly("quote", "event_log", "report_data", "vm_config", "tcb_info");
        assertThat(report.path("quote").asText()).isEqualTo("04000200");
        assertThat(report.path("event_log").asText()).isEqualTo(eventLog);
        assertThat(report.path("tcb_info").asText()).isEqualTo(tcbInfo);
        assertThat(report.path("vm_config").asText()).isEqualTo("{\"cpu_count\":2}");
        assertThat(Base64.getDecoder().decode(report.path("report_data").asText()))
                .isEqualTo(QuoteDocument.reportData(SIGNER));
        assertThat(AttestationChecks.composeMatches(report)).isTrue();
        assertThat(AttestationChecks.signerMatches(report, SIGNER.hex())).isTrue();
    }

    @Test
    void shouldEncodeEventsAndTcbInfoAsJsonStringsAndAppendExtras() {
        QuoteDocument doc = QuoteDocument.builder()
                .quoteHex("ab")
                .eventLog(List.of(new QuoteDocument.Event(3, 134217729L, "cd", "compose-hash",
                        AttestationChecks.sha256Hex(COMPOSE))))
                .reportData(new byte[64])
                .tcbInfo(Map.of("app_compose", COMPOSE))
                .extra("simulated", true)
                .build();

        JsonNode report = AttestationChecks.parse(doc.json());
        assertThat(report.path("event_log").isTextual()).isTrue();
        assertThat(report.path("tcb_info").isTextual()).isTrue();
        assertThat(report.path("simulated").asBoolean()).isTrue();
        assertThat(AttestationChecks.composeMatches(report)).isTrue();
        assertThat(AttestationChecks.reportSigner(report)).isEmpty();
    }

    @Test
    void shouldFailTheComposeCheckWhenTheEventDoesNotMatch() {
        QuoteDocument doc = QuoteDocument.builder()
                .quoteHex("ab")
                .eventLog(List.of(new QuoteDocument.Event(3, 134217729L, "cd", "compose-hash", "00")))
                .reportData(QuoteDocument.reportData(SIGNER))
                .tcbInfo(Map.of("app_compose", COMPOSE))
                .build();

        assertThat(AttestationChecks.composeMatches(AttestationChecks.parse(doc.json()))).isFalse();
    }

    @Test
    void shouldRefuseMalformedParts() {
        assertThatThrownBy(() -> QuoteDocument.builder().quoteHex("0xab"))
                .isInstanceOf(ProviderException.class).hasMessageContaining("hex");
        assertThatThrownBy(() -> QuoteDocument.builder().quoteHex("abc"))
                .isInstanceOf(ProviderException.class).hasMessageContaining("even-length");
        assertThatThrownBy(() -> QuoteDocument.builder().eventLogJson("{}"))
                .isInstanceOf(ProviderException.class).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> QuoteDocument.builder().tcbInfoJson("[]"))
                .isInstanceOf(ProviderException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> QuoteDocument.builder().reportData(new byte[42]))
                .isInstanceOf(ProviderException.class).hasMessageContaining("64 bytes");
        assertThatThrownBy(() -> QuoteDocument.builder().quoteHex("ab").build())
                .isInstanceOf(ProviderException.class).hasMessageContaining("needs quote, event_log and report_data");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
