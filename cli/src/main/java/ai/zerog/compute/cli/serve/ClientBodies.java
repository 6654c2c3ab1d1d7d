package ai.zerog.compute.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reading a client's request: the body up to the configured cap (413 above), JSON objects, text fields. */
final class ClientBodies {
    static final ObjectMapper JSON = new ObjectMapper();

    private final int maxBytes;

    ClientBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    byte[] read(ServerRequest request) {
        if (request.headers().contentLength().orElse(-1) > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ClientRequestException.invalid("unreadable request body: " + e.getMessage());
        }
    }

    static String contentType(ServerRequest request) {
        return request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
    }

    static ObjectNode jsonObject(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw ClientRequestException.invalid("the request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        throw ClientRequestException.invalid("the request body must be a JSON object");
    }

    static Optional<String> text(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    static byte[] bytes(ObjectNode object) {
        try {
            return JSON.writeValueAsBytes(object);
        } catch (JsonProcessingException e) {
            throw ClientRequestException.invalid("cannot serialise the request: " + e.getOriginalMessage());
        }
    }

    private ClientRequestException tooLarge() {
        return new ClientRequestException(413, "invalid_request_error", "request_too_large",
                "the request body is larger than " + maxBytes + " bytes");
    }

    private static String firstLine(String text) {
        int newline = text == null ? -1 : text.indexOf('\n');
        return newline < 0 ? String.valueOf(text) : text.substring(0, newline);
    }
}
