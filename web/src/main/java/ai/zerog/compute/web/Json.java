package ai.zerog.compute.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** JSON in and out of the API: bodies capped, required fields named when missing. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Uploads (images, audio) travel base64-encoded in JSON, so the cap is above the 10 MB file limit. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode body(ServerRequest request) {
        byte[] bytes;
        try (InputStream in = request.content().inputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw ApiProblem.badRequest("the request body could not be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiProblem(413, "the request is larger than " + MAX_BODY_BYTES / (1024 * 1024)
                    + " MB: use a smaller file (at most 10 MB)");
        }
        if (bytes.length == 0) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw ApiProblem.badRequest("the request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ApiProblem.badRequest("the request body is not valid JSON: " + e.getMessage());
        }
    }

    static String text(JsonNode node, String field) {
        return optionalText(node, field).orElseThrow(() -> ApiProblem.badRequest("field '" + field + "' is required"));
    }

    static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw ApiProblem.badRequest("field '" + field + "' must be a string");
        }
        return Optional.of(value.asText().strip());
    }

    static void send(ServerResponse response, int status, JsonNode body) {
        try {
            response.status(status).header("Content-Type", "application/json; charset=utf-8")
                    .header("Cache-Control", "no-store")
                    .send(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new WebUiException("cannot write JSON", e);
        }
    }

    static void ok(ServerResponse response, JsonNode body) {
        send(response, 200, body);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new WebUiException("cannot write JSON", e);
        }
    }
}
