package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dstack-shaped attestation document for the software signer, marked as simulated wherever a
 * reader looks: the quote is the hex of a readable "SIMULATED-TDX-QUOTE" text, {@code vm_config},
 * {@code tcb_info} and {@code app_compose} say {@code simulated}, and the top level carries
 * {@code "simulated": true, "tee_type": "software"}. It passes the SDK's two automated checks
 * (report data names the signer; the {@code compose-hash} event equals sha256 of
 * {@code app_compose}), which prove nothing without a real TDX quote, and that is the point of
 * marking it.
 *
 * <p>The event log and RTMR3 are computed the way dstack's runtime events are (event type
 * {@code 0x08000001}, digest {@code sha384(type LE ‖ ":" ‖ name ‖ ":" ‖ payload)}, RTMR3 the
 * SHA-384 chain of the digests), so the document is internally consistent.
 */
final class SimulatedQuote {
    static final long DSTACK_RUNTIME_EVENT = 0x08000001L;
    private static final int RTMR3 = 3;
    private static final String ZERO_MEASUREMENT = "0".repeat(96);
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulatedQuote() {
    }

    static QuoteDocument forSigner(Address signer, String imageName) {
        String appCompose = appCompose(imageName);
        String composeHash = HEX.formatHex(sha256(appCompose.getBytes(StandardCharsets.UTF_8)));
        List<QuoteDocument.Event> events = List.of(
                event("app-id", composeHash.substring(0, 40)),
                event("compose-hash", composeHash),
                event("instance-id", HEX.formatHex(sha256(("simulated instance of " + signer.hex())
                        .getBytes(StandardCharsets.UTF_8)), 0, 20)),
                event("boot-mr-done", ""));

        Map<String, Object> tcbInfo = new LinkedHashMap<>();
        tcbInfo.put("simulated", true);
        tcbInfo.put("mrtd", ZERO_MEASUREMENT);
        tcbInfo.put("rtmr0", ZERO_MEASUREMENT);
        tcbInfo.put("rtmr1", ZERO_MEASUREMENT);
        tcbInfo.put("rtmr2", ZERO_MEASUREMENT);
        tcbInfo.put("rtmr3", HEX.formatHex(replay(events)));
        tcbInfo.put("compose_hash", composeHash);
        tcbInfo.put("app_compose", appCompose);

        byte[] reportData = QuoteDocument.reportData(signer);
        String quoteText = "SIMULATED-TDX-QUOTE:v1:" + signer.checksummed() + ":report_data=" + HEX.formatHex(reportData)
                + ":software TEE signer, no TDX hardware, this quote proves nothing";
        return QuoteDocument.builder()
                .quoteHex(HEX.formatHex(quoteText.getBytes(StandardCharsets.US_ASCII)))
                .eventLog(events)
                .reportData(reportData)
                .vmConfig("{\"simulated\":true,\"tee_type\":\"software\","
                        + "\"note\":\"no confidential VM: the signer key is sealed in a local file\"}")
                .tcbInfo(tcbInfo)
                .extra("simulated", true)
                .extra("tee_type", SoftwareTeeSigner.KIND)
                .build();
    }

    /**
     * A dstack app-compose manifest naming the broker image. The comment after the image keeps the
     * SDK's image-reference scan from swallowing the escaped newline that would follow it.
     */
    static String appCompose(String imageName) {
        String compose = "services:\n"
                + "  broker:\n"
                + "    image: " + imageName + " # simulated TEE: software signer, no attestation\n";
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("manifest_version", 2);
        manifest.put("name", "zerog-compute-provider");
        manifest.put("runner", "docker-compose");
        manifest.put("docker_compose_file", compose);
        manifest.put("simulated", true);
        try {
            return JSON.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new ProviderException("cannot serialise the simulated app-compose manifest", e);
        }
    }

    private static QuoteDocument.Event event(String name, String payloadHex) {
        byte[] type = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) DSTACK_RUNTIME_EVENT).array();
        byte[] digest = sha384(type, ":".getBytes(StandardCharsets.US_ASCII), name.getBytes(StandardCharsets.UTF_8),
                ":".getBytes(StandardCharsets.US_ASCII), HEX.parseHex(payloadHex));
        return new QuoteDocument.Event(RTMR3, DSTACK_RUNTIME_EVENT, HEX.formatHex(digest), name, payloadHex);
    }

    /** RTMR3 after extending it, from zero, with each event digest in order. */
    static byte[] replay(List<QuoteDocument.Event> events) {
        byte[] rtmr = new byte[48];
        for (QuoteDocument.Event e : events) {
            rtmr = sha384(rtmr, HEX.parseHex(e.digest()));
        }
        return rtmr;
    }

    private static byte[] sha256(byte[] data) {
        return digest("SHA-256", data);
    }

    private static byte[] sha384(byte[]... parts) {
        return digest("SHA-384", parts);
    }

    private static byte[] digest(String algorithm, byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            Arrays.stream(parts).forEach(md::update);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException(algorithm + " is missing from this JVM", e);
        }
    }
}
