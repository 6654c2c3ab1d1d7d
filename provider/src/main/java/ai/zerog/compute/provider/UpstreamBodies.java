package ai.zerog.compute.provider;

import ai.zerog.compute.core.ProviderError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a billed request sends upstream. Chat bodies must be JSON objects; a streaming chat gets
 * {@code stream_options.include_usage = true} so the last event carries the usage we bill
 * (PROTOCOL.md §4.4). Everything else is forwarded byte for byte.
 */
final class UpstreamBodies {
    private final ObjectMapper json;

    UpstreamBodies(ObjectMapper json) {
        this.json = json;
    }

    byte[] forUpstream(ProxyEndpoint endpoint, String contentType, byte[] body) {
        if (endpoint != ProxyEndpoint.CHAT_COMPLETIONS) {
            return body;
        }
        ObjectNode request = chatRequest(contentType, body);
        JsonNode stream = request.get("stream");
        if (stream == null || !stream.asBoolean(false)) {
            return body;
        }
        JsonNode options = request.get("stream_options");
        if (options instanceof ObjectNode o && o.path("include_usage").asBoolean(false)) {
            return body;
        }
        ObjectNode streamOptions = options instanceof ObjectNode o ? o : request.putObject("stream_options");
        streamOptions.put("include_usage", true);
        try {
            return json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new BrokerErrorException(ProviderError.BAD_REQUEST_BODY, e.getOriginalMessage());
        }
    }

    /** The {@code model} a request names (JSON field or multipart field), if any. */
    java.util.Optional<String> requestedModel(ProxyEndpoint endpoint, String contentType, byte[] body) {
        if (MultipartForm.isMultipart(contentType)) {
            try {
                return MultipartForm.parse(contentType, body).text("model").filter(m -> !m.isBlank());
            } catch (MultipartFormException e) {
                throw new BrokerErrorException(ProviderError.BAD_REQUEST_BODY, e.getMessage());
            }
        }
        if (endpoint == ProxyEndpoint.CHAT_COMPLETIONS) {
            return textField(chatRequest(contentType, body), "model");
        }
        try {
            return json.readTree(body) instanceof ObjectNode object ? textField(object, "model") : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            throw new BrokerErrorException(ProviderError.BAD_REQUEST_BODY, "malformed JSON: " + e.getMessage());
        }
    }

    private static java.util.Optional<String> textField(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? java.util.Optional.of(value.asText()) : java.util.Optional.empty();
    }

    /** Whether the client asked for a streamed chat answer. */
    boolean wantsStream(ProxyEndpoint endpoint, String contentType, byte[] body) {
        return endpoint == ProxyEndpoint.CHAT_COMPLETIONS && chatRequest(contentType, body).path("stream").asBoolean(false);
    }

    ObjectNode chatRequest(String contentType, byte[] body) {
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new BrokerErrorException(ProviderError.BAD_REQUEST_BODY,
                    "chat completions take Content-Type application/json, got '" + contentType + "'");
        }
        try {
            JsonNode node = json.readTree(body);
            if (!(node instanceof ObjectNode object)) {
                throw new BrokerErrorException(ProviderError.BAD_REQUEST_BODY, "expected a JSON object");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new BrokerErrorException(ProviderError.BAD_REQUEST_BODY, "malformed JSON: " + firstLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new BrokerErrorException(ProviderError.BAD_REQUEST_BODY, "unreadable body: " + e.getMessage());
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
