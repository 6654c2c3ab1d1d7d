package ai.zerog.compute.sdk;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's answer to {@code chat}: the exact bytes sent and received (what the exact-bytes
 * {@code processResponse} checks) and the chat id from {@code ZG-Res-Key} for the signature lookup.
 */
public record ChatResponse(byte[] requestBody, byte[] responseBody, Optional<String> chatId) {
    public ChatResponse {
        requestBody = Objects.requireNonNull(requestBody, "requestBody").clone();
        responseBody = Objects.requireNonNull(responseBody, "responseBody").clone();
        Objects.requireNonNull(chatId, "chatId");
    }

    @Override
    public byte[] requestBody() {
        return requestBody.clone();
    }

    @Override
    public byte[] responseBody() {
        return responseBody.clone();
    }

    /** The answer as UTF-8 text (a JSON completion, or the whole SSE stream). */
    public String body() {
        return new String(responseBody, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ChatResponse[chatId=" + chatId.orElse("none") + ", " + responseBody.length + " bytes]";
    }
}
