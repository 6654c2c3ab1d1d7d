package ai.zerog.compute.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The two automated checks the official SDK's {@code verifyService} runs on a {@code /v1/quote}
 * document (PROTOCOL.md §6.2 steps 4 and 5), restated step by step so tests can hold any
 * {@link TeeSigner}'s document to them.
 */
final class AttestationChecks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AttestationChecks() {
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Step 4: base64-decode {@code report_data}, read it as UTF-8, drop every NUL; empty when absent. */
    static Optional<String> reportSigner(JsonNode report) {
        JsonNode data = report.get("report_data");
        if (data == null || !data.isTextual() || data.asText().isEmpty()) {
            return Optional.empty();
        }
        String decoded = new String(Base64.getDecoder().decode(data.asText()), StandardCharsets.UTF_8).replace("\0", "");
        return decoded.isEmpty() ? Optional.empty() : Optional.of(decoded);
    }

    /** Step 4's verdict for a combined report: the signer in the report equals the on-chain one, ignoring case. */
    static boolean signerMatches(JsonNode report, String onChainSigner) {
        return reportSigner(report).map(s -> s.equalsIgnoreCase(onChainSigner)).orElse(false);
    }

    /**
     * Step 5: parse {@code tcb_info} and {@code event_log} if they are strings; the report passes
     * when lowercase hex sha256 of {@code app_compose} equals the {@code event_payload} of the
     * first event named {@code compose-hash}.
     */
    static boolean composeMatches(JsonNode report) {
        JsonNode tcbInfo = report.get("tcb_info");
        JsonNode eventLog = report.get("event_log");
        if (tcbInfo == null || eventLog == null) {
            return false;
        }
        if (tcbInfo.isTextual()) {
            tcbInfo = parse(tcbInfo.asText());
        }
        if (eventLog.isTextual()) {
            eventLog = parse(eventLog.asText());
        }
        if (!eventLog.isArray() || !tcbInfo.path("app_compose").isTextual()) {
            return false;
        }
        String calculated = sha256Hex(tcbInfo.get("app_compose").asText());
        for (JsonNode entry : eventLog) {
            if ("compose-hash".equals(entry.path("event").asText(null))) {
                return calculated.equals(entry.path("event_payload").asText(null));
            }
        }
        return false;
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
