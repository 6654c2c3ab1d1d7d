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

    /**
     * The body to forward, once the model it names (if any) is found to be {@code servedModel}
     * ({@code MODEL_NOT_SUPPORTED} otherwise). A JSON chat body, the common case, is parsed once.
     */
    byte[] forUpstream(ProxyEndpoint endpoint, String contentType, byte[] body, String servedModel) {
        if (endpoint == ProxyEndpoint.CHAT_COMPLETIONS && !MultipartForm.isMultipart(contentType)) {
            ObjectNode request = chatRequest(contentType, body);
            requireServed(textField(request, "model"), servedModel);
            return chatForUpstream(request, body);
        }
        requireServed(requestedModel(endpoint, contentType, body), servedModel);
        return endpoint == ProxyEndpoint.CHAT_COMPLETIONS ? chatForUpstream(chatRequest(contentType, body), body) : body;
    }

    private static void requireServed(java.util.Optional<String> requested, String servedModel) {
        requested.filter(model -> !model.equals(servedModel)).ifPresent(model -> {
            throw new BrokerErrorException(ProviderError.MODEL_NOT_SUPPORTED, model, servedModel);
        });
    }

    /** The {@code model} a request names (JSON field or multipart field), if any. */
    private java.util.Optional<String> requestedModel(ProxyEndpoint endpoint, String contentType, byte[] body) {
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

    /** The chat body as sent unless it streams without {@code include_usage}, which is then set. */
    private byte[] chatForUpstream(ObjectNode request, byte[] body) {
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

    private static java.util.Optional<String> textField(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? java.util.Optional.of(value.asText()) : java.util.Optional.empty();
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
