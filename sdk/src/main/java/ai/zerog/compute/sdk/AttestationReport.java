package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One dstack attestation document (PROTOCOL.md §6.1) and the two checks the official SDK runs on it
 * (§6.2 steps 4 and 5), each giving a verdict with the facts that decided it.
 */
final class AttestationReport {
    private static final Pattern QUOTED_IMAGE = Pattern.compile("\"image\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern YAML_IMAGE = Pattern.compile("image:\\s*([^\\s\"\\\\]+)");
    private static final byte[] SIMULATED_QUOTE = "SIMULATED".getBytes(StandardCharsets.US_ASCII);

    /** A verdict and why. */
    record Verdict(boolean passed, String detail) {}

    private final JsonNode root;

    private AttestationReport(JsonNode root) {
        this.root = root;
    }

    /** The document, or empty if the body is not a JSON object (also accepted: an object encoded as a JSON string). */
    static Optional<AttestationReport> parse(byte[] body) {
        try {
            JsonNode node = Jsons.MAPPER.readTree(body);
            if (node != null && node.isTextual()) {
                node = Jsons.MAPPER.readTree(node.asText());
            }
            return node != null && node.isObject() ? Optional.of(new AttestationReport(node)) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /**
     * §6.2 step 4: {@code report_data} (base64) read as text without NULs names {@code signer}, ignoring
     * case. The newer layout that binds an encryption key keeps the raw signer address in bytes 32–52;
     * that is accepted too.
     */
    Verdict signerBinding(Address signer) {
        JsonNode data = root.get("report_data");
        if (data == null || !data.isTextual() || data.asText().isEmpty()) {
            return new Verdict(false, "the report has no report_data");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data.asText());
        } catch (IllegalArgumentException e) {
            return new Verdict(false, "report_data is not base64: " + e.getMessage());
        }
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\0", "");
        if (text.equalsIgnoreCase(signer.checksummed())) {
            return new Verdict(true, "report_data binds " + text + ", the TEE signer registered on chain");
        }
        if (bytes.length == 64) {
            Address raw = Address.fromBytes(Arrays.copyOfRange(bytes, 32, 52));
            if (raw.equals(signer)) {
                return new Verdict(true, "report_data binds " + raw.checksummed()
                        + " (bytes 32-52, the layout that also binds an encryption key), the TEE signer registered on chain");
            }
        }
        String found = text.matches("0x[0-9a-fA-F]{40}") ? text : "0x" + HexFormat.of().formatHex(bytes);
        return new Verdict(false, "report_data binds " + found + " but the TEE signer registered on chain is "
                + signer.checksummed() + ": the quote was made for another key");
    }

    /** §6.2 step 5: hex sha256 of {@code tcb_info.app_compose} equals the first {@code compose-hash} event's payload. */
    Verdict composeHash() {
        Optional<JsonNode> tcbInfo = tcbInfo();
        JsonNode eventLog = embedded(root.get("event_log"));
        if (tcbInfo.isEmpty() || eventLog == null) {
            return new Verdict(false, "the report lacks " + (tcbInfo.isEmpty() ? "tcb_info" : "event_log")
                    + ", so the compose hash cannot be checked");
        }
        JsonNode appCompose = tcbInfo.get().get("app_compose");
        if (appCompose == null || !appCompose.isTextual()) {
            return new Verdict(false, "tcb_info has no app_compose text");
        }
        if (!eventLog.isArray()) {
            return new Verdict(false, "event_log is not a JSON array");
        }
        String calculated = sha256Hex(appCompose.asText());
        for (JsonNode event : eventLog) {
            if ("compose-hash".equals(event.path("event").asText(null))) {
                String logged = event.path("event_payload").asText("");
                return calculated.equals(logged)
                        ? new Verdict(true, "sha256(app_compose) = " + calculated + " matches the compose-hash event")
                        : new Verdict(false, "sha256(app_compose) = " + calculated + " but the compose-hash event says "
                                + logged + ": the compose manifest is not the one that was measured");
            }
        }
        return new Verdict(false, "event_log has no compose-hash event");
    }

    /** Image references named in tcb_info ({@code "image": "…"} and {@code image: …}), in order, without repeats. */
    List<String> dockerImages() {
        Optional<JsonNode> tcbInfo = tcbInfo();
        if (tcbInfo.isEmpty()) {
            return List.of();
        }
        String text = tcbInfo.get().toString();
        Set<String> images = new LinkedHashSet<>();
        for (Pattern pattern : List.of(QUOTED_IMAGE, YAML_IMAGE)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                images.add(m.group(1));
            }
        }
        return List.copyOf(images);
    }

    /** The document marks itself as coming from a software signer, or its quote is a simulated placeholder. */
    boolean simulated() {
        if (root.path("simulated").asBoolean(false) || "software".equals(root.path("tee_type").asText(""))
                || tcbInfo().map(t -> t.path("simulated").asBoolean(false)).orElse(false)) {
            return true;
        }
        String quote = root.path("quote").asText("");
        try {
            byte[] bytes = HexFormat.of().parseHex(quote.startsWith("0x") ? quote.substring(2) : quote);
            return bytes.length >= SIMULATED_QUOTE.length
                    && Arrays.equals(Arrays.copyOf(bytes, SIMULATED_QUOTE.length), SIMULATED_QUOTE);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    /** {@code tcb_info} (object or JSON text), else {@code info.tcb_info}. */
    private Optional<JsonNode> tcbInfo() {
        JsonNode direct = embedded(root.get("tcb_info"));
        if (direct != null && direct.isObject()) {
            return Optional.of(direct);
        }
        JsonNode nested = embedded(root.path("info").get("tcb_info"));
        return nested != null && nested.isObject() ? Optional.of(nested) : Optional.empty();
    }

    /** A node, with JSON text parsed; null when absent or unparsable. */
    private static JsonNode embedded(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return node;
        }
        try {
            return Jsons.MAPPER.readTree(node.asText());
        } catch (IOException notJson) {
            return null;
        }
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
