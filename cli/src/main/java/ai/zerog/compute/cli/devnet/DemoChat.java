package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ChatResponse;
import ai.zerog.compute.sdk.ResponseVerification;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** One chat through the SDK and its answer checked against the provider's TEE signer. */
final class DemoChat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoChat() {
    }

    static VerifiedChat run(ZgComputeBroker wallet, Address provider, String model, String prompt) {
        var request = JSON.createObjectNode().put("model", model);
        request.putArray("messages").addObject().put("role", "user").put("content", prompt);
        ChatResponse answer = wallet.inference().chat(provider, request.toString());
        JsonNode reply;
        try {
            reply = JSON.readTree(answer.responseBody());
        } catch (IOException e) {
            throw new UncheckedIOException("the chat answer is not JSON", e);
        }
        String text = reply.path("choices").path(0).path("message").path("content").asText();
        String usage = reply.path("usage").toString();
        if (answer.chatId().isEmpty()) {
            return new VerifiedChat(text, usage, false, Optional.of("the answer carried no ZG-Res-Key"));
        }
        ResponseVerification check = wallet.inference().processResponse(provider, answer.chatId().get(),
                answer.requestBody(), answer.responseBody());
        return new VerifiedChat(text, usage, check.verified(), check.failure());
    }
}
