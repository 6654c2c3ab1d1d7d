package ai.zerog.compute.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** JSON helpers shared by the dev model endpoints (one thread-safe mapper). */
final class DevJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private DevJson() {
    }

    /** Parses a request body that must be a JSON object, else a 400 like OpenAI's. */
    static ObjectNode object(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw DevRequestException.badRequest("We could not parse the JSON body of your request: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw DevRequestException.badRequest("We could not read the body of your request: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw DevRequestException.badRequest("The request body must be a JSON object.");
        }
        return object;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new ProviderException("cannot serialise dev model JSON", e);
        }
    }

    /** {@code {"error":{"message":…,"type":"invalid_request_error","param":null,"code":null}}}. */
    static byte[] error(String message) {
        ObjectNode error = MAPPER.createObjectNode();
        error.putObject("error")
                .put("message", message)
                .put("type", "invalid_request_error")
                .putNull("param")
                .putNull("code");
        return bytes(error);
    }

    /** An optional integer field within [min, max], else {@code fallback}; wrong type or range is a 400. */
    static int intField(ObjectNode body, String name, int fallback, int min, int max) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw DevRequestException.badRequest("'" + name + "' must be an integer, got " + value);
        }
        return checkRange(name, value.intValue(), min, max);
    }

    static int checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw DevRequestException.badRequest("'" + name + "' must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** An optional string field, else {@code fallback}; a non-string is a 400. */
    static String textField(ObjectNode body, String name, String fallback) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw DevRequestException.badRequest("'" + name + "' must be a string, got " + value);
        }
        return value.textValue();
    }
}
