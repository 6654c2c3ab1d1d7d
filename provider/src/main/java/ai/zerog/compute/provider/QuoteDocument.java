package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The attestation document served at {@code GET /v1/quote}, in the shape of the official dstack
 * broker (PROTOCOL.md §6.1): {@code quote} (hex), {@code event_log} (a JSON array encoded as a
 * string), {@code report_data} (base64 of 64 bytes), {@code vm_config} and {@code tcb_info} (a
 * JSON object encoded as a string, holding {@code app_compose}), plus optional extra top-level
 * keys that the SDK ignores.
 *
 * <p>Both signers fill the same builder. The software signer puts in a simulated quote. A dstack
 * signer would talk to the dstack guest agent over its Unix socket ({@code /var/run/dstack.sock},
 * HTTP): derive its secp256k1 key with {@code GetKey}, call {@code GetQuote} with
 * {@link #reportData(Address)} of that key's address and copy the returned {@code quote},
 * {@code event_log} and {@code vm_config} strings here unchanged, and copy {@code tcb_info} from
 * {@code Info}. The SDK's checks (signer in {@code report_data}, sha256 of
 * {@code tcb_info.app_compose} equal to the {@code compose-hash} event) then hold by construction.
 */
public final class QuoteDocument {
    /** TDX report data is 64 bytes. */
    public static final int REPORT_DATA_LENGTH = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String json;

    private QuoteDocument(String json) {
        this.json = json;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The report data that binds {@code signer} in the legacy layout the SDK reads: ASCII of the
     * EIP-55 address ({@code 0x} + 40 hex, 42 bytes), zero-padded to 64 bytes.
     */
    public static byte[] reportData(Address signer) {
        byte[] ascii = signer.checksummed().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[REPORT_DATA_LENGTH];
        System.arraycopy(ascii, 0, out, 0, ascii.length);
        return out;
    }

    /** The document as the compact JSON text the endpoint returns. */
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return json;
    }

    /**
     * One entry of the dstack event log. {@code digest} and {@code eventPayload} are lowercase
     * hex; {@code imr} is zero-based (dstack runtime events extend RTMR3, index 3).
     */
    public record Event(int imr, long eventType, String digest, String event, String eventPayload) {
        public Event {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(eventPayload, "eventPayload");
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("imr", imr);
            map.put("event_type", eventType);
            map.put("digest", digest);
            map.put("event", event);
            map.put("event_payload", eventPayload);
            return map;
        }
    }

    public static final class Builder {
        private String quoteHex;
        private String eventLogJson;
        private byte[] reportData;
        private String vmConfig = "";
        private String tcbInfoJson;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder() {
        }

        /** The TDX quote as hex (no {@code 0x}), as dstack's {@code GetQuote} returns it. */
        public Builder quoteHex(String hex) {
            Objects.requireNonNull(hex, "hex");
            if (hex.isEmpty() || !isHex(hex)) {
                throw new ProviderException("quote must be a non-empty even-length hex string without 0x");
            }
            this.quoteHex = hex;
            return this;
        }

        /** The event log exactly as the guest agent returned it: a JSON array encoded as a string. */
        public Builder eventLogJson(String jsonArray) {
            if (!parse(jsonArray, "event_log").isArray()) {
                throw new ProviderException("event_log must be a JSON array");
            }
            this.eventLogJson = jsonArray;
            return this;
        }

        public Builder eventLog(List<Event> events) {
            return eventLogJson(write(events.stream().map(Event::toMap).toList()));
        }

        /** The 64 bytes the quote binds; for the signer binding see {@link QuoteDocument#reportData(Address)}. */
        public Builder reportData(byte[] bytes) {
            if (bytes.length != REPORT_DATA_LENGTH) {
                throw new ProviderException("report data must be exactly 64 bytes, got " + bytes.length);
            }
            this.reportData = bytes.clone();
            return this;
        }

        public Builder vmConfig(String vmConfig) {
            this.vmConfig = Objects.requireNonNull(vmConfig, "vmConfig");
            return this;
        }

        /** dstack's {@code Info.tcb_info}: a JSON object encoded as a string, with {@code app_compose}. */
        public Builder tcbInfoJson(String jsonObject) {
            if (!parse(jsonObject, "tcb_info").isObject()) {
                throw new ProviderException("tcb_info must be a JSON object");
            }
            this.tcbInfoJson = jsonObject;
            return this;
        }

        public Builder tcbInfo(Map<String, ?> tcbInfo) {
            return tcbInfoJson(write(tcbInfo));
        }

        /** An extra top-level key after the dstack ones (the SDK ignores unknown keys). */
        public Builder extra(String key, Object value) {
            extra.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public QuoteDocument build() {
            if (quoteHex == null || eventLogJson == null || reportData == null) {
                throw new ProviderException("a quote document needs quote, event_log and report_data");
            }
            ObjectNode root = JSON.createObjectNode();
            root.put("quote", quoteHex);
            root.put("event_log", eventLogJson);
            root.put("report_data", Base64.getEncoder().encodeToString(reportData));
            root.put("vm_config", vmConfig);
            if (tcbInfoJson != null) {
                root.put("tcb_info", tcbInfoJson);
            }
            extra.forEach((key, value) -> root.set(key, JSON.valueToTree(value)));
            return new QuoteDocument(write(root));
        }

        private static boolean isHex(String text) {
            if (text.length() % 2 != 0) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                if (!HexFormat.isHexDigit(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static JsonNode parse(String json, String what) {
        Objects.requireNonNull(json, what);
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProviderException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ProviderException("cannot serialise the quote document", e);
        }
    }
}
