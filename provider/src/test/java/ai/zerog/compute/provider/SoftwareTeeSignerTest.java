package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The software signer against the {@link TeeSignerContract}, the PROTOCOL.md vectors, and its simulated markers. */
class SoftwareTeeSignerTest extends TeeSignerContract {
    /** Hardhat/anvil account #2, the key of the PROTOCOL.md §5.1 and §6.1 examples. */
    static final String HARDHAT_2_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
    static final Address HARDHAT_2 = Address.of("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");

    private final SoftwareTeeSigner signer = SoftwareTeeSigner.withKey(Secp256k1Key.random());

    @Override
    TeeSigner signer() {
        return signer;
    }

    private static SoftwareTeeSigner hardhat2() {
        return SoftwareTeeSigner.withKey(Secp256k1Key.fromHex(HARDHAT_2_KEY));
    }

    @Test
    void shouldReproduceTheResponseSignatureVectorOfSection51() {
        String text = "0bfcf1c873fe23e87366969117efdc24b95f341eb2f4abe10ae01e7a1f4994c6:"
                + "4bdc167f41842940a056a9195368a5ef454bfecbb3a7ee8c247e07313dd4fbef";

        assertThat(hardhat2().signText(text).hex()).isEqualTo("0xa99b896bd46e0ad15f611778e07cd0d2566c5e24b72931"
                + "16d12096ceb7ef56070dec7c2e8c4171522236d351bb7cad656d0203118776575d42782cb74cba52c81b");
    }

    @Test
    void shouldEncodeReportDataAsTheExampleOfSection61() {
        JsonNode report = AttestationChecks.parse(hardhat2().quoteDocument());

        assertThat(report.path("report_data").asText())
                .isEqualTo("MHgzQzQ0Q2REZEI2YTkwMGZhMmI1ODVkZDI5OWUwM2QxMkZBNDI5M0JDAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==");
        assertThat(AttestationChecks.reportSigner(report)).contains(HARDHAT_2.checksummed());
    }

    @Test
    void shouldMarkTheQuoteDocumentAsSimulatedEverywhere() {
        JsonNode report = AttestationChecks.parse(signer.quoteDocument());

        assertThat(report.path("simulated").asBoolean()).isTrue();
        assertThat(report.path("tee_type").asText()).isEqualTo("software");
        String quote = new String(HexFormat.of().parseHex(report.path("quote").asText()), StandardCharsets.US_ASCII);
        assertThat(quote).startsWith("SIMULATED-TDX-QUOTE:").contains(signer.address().checksummed())
                .contains("proves nothing");
        assertThat(AttestationChecks.parse(report.path("vm_config").asText()).path("simulated").asBoolean()).isTrue();
        JsonNode tcbInfo = AttestationChecks.parse(report.path("tcb_info").asText());
        assertThat(tcbInfo.path("simulated").asBoolean()).isTrue();
        assertThat(tcbInfo.path("mrtd").asText()).isEqualTo("0".repeat(96));
        assertThat(tcbInfo.path("app_compose").asText()).contains("image: zerog-compute-java/provider:dev")
                .contains("simulated");
    }

    @Test
    void shouldKeepTheEventLogConsistentWithRtmr3AndTheComposeHash() {
        JsonNode report = AttestationChecks.parse(signer.quoteDocument());
        JsonNode tcbInfo = AttestationChecks.parse(report.path("tcb_info").asText());
        JsonNode events = AttestationChecks.parse(report.path("event_log").asText());

        assertThat(events).allSatisfy(e -> assertThat(e.fieldNames()).toIterable()
                .containsExactly("imr", "event_type", "digest", "event", "event_payload"));
        assertThat(events.findValuesAsText("event")).containsExactly("app-id", "compose-hash", "instance-id",
                "boot-mr-done");
        assertThat(tcbInfo.path("compose_hash").asText())
                .isEqualTo(AttestationChecks.sha256Hex(tcbInfo.path("app_compose").asText()));
        List<QuoteDocument.Event> parsed = new ArrayList<>();
        events.forEach(e -> parsed.add(new QuoteDocument.Event(e.path("imr").asInt(), e.path("event_type").asLong(),
                e.path("digest").asText(), e.path("event").asText(), e.path("event_payload").asText())));
        assertThat(tcbInfo.path("rtmr3").asText()).isEqualTo(HexFormat.of().formatHex(SimulatedQuote.replay(parsed)));
    }

    @Test
    void shouldNameAnotherImageInAppComposeWhenAsked(@TempDir Path dir) {
        SoftwareTeeSigner other = SoftwareTeeSigner.openOrCreate(dir.resolve("signer.json"), "registry.example/broker:1.2");

        JsonNode tcbInfo = AttestationChecks.parse(AttestationChecks.parse(other.quoteDocument()).path("tcb_info").asText());

        assertThat(tcbInfo.path("app_compose").asText()).contains("image: registry.example/broker:1.2 ");
        assertThat(AttestationChecks.composeMatches(AttestationChecks.parse(other.quoteDocument()))).isTrue();
    }

    @Test
    void shouldShowOnlyTheAddressInToString() {
        Secp256k1Key key = Secp256k1Key.fromHex(HARDHAT_2_KEY);

        assertThat(SoftwareTeeSigner.withKey(key).toString())
                .isEqualTo("SoftwareTeeSigner[" + HARDHAT_2.checksummed() + "]")
                .doesNotContain(HARDHAT_2_KEY.substring(2));
        assertThat(SoftwareTeeSigner.withKey(key).quoteDocument()).doesNotContain(HARDHAT_2_KEY.substring(2));
    }
}
