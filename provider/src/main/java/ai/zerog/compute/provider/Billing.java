package ai.zerog.compute.provider;

import ai.zerog.compute.core.ChatUsage;
import ai.zerog.compute.core.Fee;
import ai.zerog.compute.core.FeeCalculator;
import ai.zerog.compute.core.ResponseSigning;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The fee of an answered request (PROTOCOL.md §7.2) and the text the TEE key signs for it
 * (§5.1), per endpoint: chat and transcription bill the upstream's usage, images bill {@code n}
 * per image and sign the decoded image bytes.
 */
final class Billing {
    private final FeeCalculator fees;
    private final ObjectMapper json;

    Billing(FeeCalculator fees, ObjectMapper json) {
        this.fees = fees;
        this.json = json;
    }

    /** The fee for a complete non-streamed answer. */
    Fee feeFor(ProxyEndpoint endpoint, String contentType, byte[] clientBody, byte[] answer) {
        return switch (endpoint) {
            case CHAT_COMPLETIONS -> usageOf(answer).map(this::chatFee).orElse(Fee.ZERO);
            case IMAGES_GENERATIONS, IMAGES_EDITS -> fees.images(imageCount(contentType, clientBody));
            case AUDIO_TRANSCRIPTIONS -> usageOf(answer).map(this::transcriptionFee).orElse(Fee.ZERO);
        };
    }

    /** The fee for a streamed answer whose last usage object was {@code usage}. */
    Fee feeForStream(ProxyEndpoint endpoint, Optional<JsonNode> usage) {
        return usage.map(u -> endpoint == ProxyEndpoint.AUDIO_TRANSCRIPTIONS ? transcriptionFee(u) : chatFee(u))
                .orElse(Fee.ZERO);
    }

    /** What the TEE key signs: hashes of request and answer, for images of the decoded images. */
    String signedText(ProxyEndpoint endpoint, byte[] clientBody, byte[] forwardedBody, byte[] answer) {
        if (endpoint == ProxyEndpoint.IMAGES_GENERATIONS || endpoint == ProxyEndpoint.IMAGES_EDITS) {
            List<byte[]> images = ResponseSigning.decodedImages(answer);
            if (!images.isEmpty()) {
                return ResponseSigning.imageText(clientBody, images);
            }
        }
        return ResponseSigning.chatText(forwardedBody, answer);
    }

    /** The usage object of one SSE data payload or JSON answer, when it has a non-zero one. */
    Optional<JsonNode> usageOf(byte[] jsonBytes) {
        try {
            JsonNode usage = json.readTree(jsonBytes).get("usage");
            if (usage == null || !usage.isObject() || allZero(usage)) {
                return Optional.empty();
            }
            return Optional.of(usage);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean allZero(JsonNode usage) {
        for (JsonNode value : usage) {
            if (value.isNumber() && value.asDouble() != 0) {
                return false;
            }
        }
        return true;
    }

    private Fee chatFee(JsonNode usage) {
        return fees.chat(chatUsage(usage));
    }

    /**
     * The counts of a chat {@code usage} object (PROTOCOL.md §7.2): prompt, completion,
     * {@code prompt_tokens_details.cached_tokens}, and the cache writes, which upstreams report
     * either inside {@code prompt_tokens_details} or at the top level: the nested count when it is
     * positive, else the top-level one (one quantity reported twice, never added up).
     */
    static ChatUsage chatUsage(JsonNode usage) {
        JsonNode details = usage.path("prompt_tokens_details");
        return new ChatUsage(count(usage.get("prompt_tokens")), count(usage.get("completion_tokens")),
                count(details.get("cached_tokens")), eitherCount(details, usage, "cache_write_tokens"),
                eitherCount(details, usage, "cache_write_1h_tokens"));
    }

    private static long eitherCount(JsonNode details, JsonNode usage, String key) {
        long nested = count(details.get(key));
        return nested > 0 ? nested : count(usage.get(key));
    }

    private Fee transcriptionFee(JsonNode usage) {
        if ("tokens".equals(usage.path("type").asText())) {
            return fees.transcriptionTokens(count(usage.get("input_tokens")), count(usage.get("output_tokens")));
        }
        double seconds = usage.path("seconds").asDouble(0);
        return seconds > 0 ? fees.transcriptionSeconds(seconds) : Fee.ZERO;
    }

    /** Numbers or numeric strings; anything else (or negative) counts 0, as the official extractors do. */
    private static long count(JsonNode node) {
        if (node == null) {
            return 0;
        }
        long value = node.isNumber() ? node.asLong() : node.isTextual() ? parseOrZero(node.asText()) : 0;
        return Math.max(0, value);
    }

    private static long parseOrZero(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private int imageCount(String contentType, byte[] clientBody) {
        Optional<String> n;
        if (MultipartForm.isMultipart(contentType)) {
            try {
                n = MultipartForm.parse(contentType, clientBody).text("n");
            } catch (MultipartFormException e) {
                throw new BrokerErrorException(ai.zerog.compute.core.ProviderError.BAD_REQUEST_BODY, e.getMessage());
            }
        } else {
            try {
                JsonNode node = json.readTree(clientBody).get("n");
                n = node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
            } catch (IOException e) {
                n = Optional.empty();
            }
        }
        return n.map(Billing::parseOrZero).filter(v -> v > 0).map(Math::toIntExact).orElse(1);
    }
}
