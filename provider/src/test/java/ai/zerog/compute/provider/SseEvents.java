package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads an OpenAI SSE body strictly: every event is exactly {@code data: <payload>\n\n}. */
record SseEvents(List<String> data) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static SseEvents parse(String body) {
        assertThat(body).endsWith("\n\n");
        List<String> data = new ArrayList<>();
        for (String event : body.substring(0, body.length() - 2).split("\n\n", -1)) {
            assertThat(event).startsWith("data: ").doesNotContain("\n");
            data.add(event.substring("data: ".length()));
        }
        return new SseEvents(data);
    }

    /** The JSON chunks, without the final {@code [DONE]}. */
    List<JsonNode> chunks() {
        assertThat(data.getLast()).isEqualTo("[DONE]");
        return data.subList(0, data.size() - 1).stream().map(SseEvents::json).toList();
    }

    /** The concatenated {@code choices[0].delta.content} of all chunks. */
    String content() {
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : chunks()) {
            JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
            if (content.isTextual()) {
                text.append(content.textValue());
            }
        }
        return text.toString();
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
