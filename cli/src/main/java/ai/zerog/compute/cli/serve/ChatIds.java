package ai.zerog.compute.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The answer id to look the signature up by when a provider sent no {@code ZG-Res-Key} header
 * (PROTOCOL.md §5.3: fall back to the completion {@code id}).
 */
final class ChatIds {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatIds() {
    }

    static Optional<String> ofJson(byte[] body) {
        try {
            JsonNode id = JSON.readTree(body).path("id");
            return id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** The {@code id} of the first {@code data:} event that has one. */
    static Optional<String> ofEventStream(byte[] stream) {
        for (String line : new String(stream, StandardCharsets.UTF_8).split("\n")) {
            String text = line.strip();
            if (text.startsWith("data:") && !text.equals("data: [DONE]")) {
                Optional<String> id = ofJson(text.substring(5).strip().getBytes(StandardCharsets.UTF_8));
                if (id.isPresent()) {
                    return id;
                }
            }
        }
        return Optional.empty();
    }
}
