package ai.zerog.compute.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The parts of an OpenAI chat body the dev model uses. {@code promptTokens} counts the text of
 * every message (string contents and the {@code text} of content-part arrays) with
 * {@link DevTokenizer}; {@code prompt} is the last user message's text.
 */
record DevChatRequest(String model, int promptTokens, String prompt, boolean stream, boolean includeUsage,
                      int maxTokens) {
    static final String DEFAULT_MODEL = "dev-model";

    static DevChatRequest parse(byte[] body) {
        ObjectNode json = DevJson.object(body);
        JsonNode messages = json.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw DevRequestException.badRequest("'messages' must be a non-empty array");
        }
        int promptTokens = 0;
        String lastUser = null;
        String last = "";
        for (JsonNode message : messages) {
            if (!message.isObject() || !message.path("role").isTextual()) {
                throw DevRequestException.badRequest("each message must be an object with a string 'role'");
            }
            String text = text(message.get("content"));
            promptTokens += DevTokenizer.count(text);
            last = text;
            if (message.get("role").textValue().equals("user")) {
                lastUser = text;
            }
        }
        String model = DevJson.textField(json, "model", DEFAULT_MODEL);
        boolean stream = json.path("stream").asBoolean(false);
        boolean includeUsage = json.path("stream_options").path("include_usage").asBoolean(false);
        int maxTokens = DevJson.intField(json, "max_completion_tokens",
                DevJson.intField(json, "max_tokens", Integer.MAX_VALUE, 1, Integer.MAX_VALUE), 1, Integer.MAX_VALUE);
        return new DevChatRequest(model, promptTokens, lastUser != null ? lastUser : last, stream, includeUsage, maxTokens);
    }

    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.path("text").isTextual()) {
                    text.append(text.isEmpty() ? "" : "\n").append(part.get("text").textValue());
                }
            }
            return text.toString();
        }
        throw DevRequestException.badRequest("message 'content' must be a string, an array of parts or null");
    }
}
