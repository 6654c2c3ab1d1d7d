package ai.zerog.compute.web;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.ChatUsage;
import ai.zerog.compute.core.FeeCalculator;
import ai.zerog.compute.core.ServicePrices;
import ai.zerog.compute.sdk.ResponseVerification;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/chat}: one streamed chat completion, relayed to the page as {@code delta}
 * events while it arrives, then a {@code done} event with the TEE verification of the exact bytes
 * received and the fee; a failure after the stream began is an {@code error} event.
 */
final class ChatRoutes {
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    private final Wallets wallets;
    private final ProviderCalls calls;

    ChatRoutes(Wallets wallets, ProviderCalls calls) {
        this.wallets = wallets;
        this.calls = calls;
    }

    void register(HttpRouting.Builder routing) {
        routing.post("/api/chat", ApiHandler.guarded(this::chat));
    }

    private void chat(ServerRequest request, ServerResponse response) throws IOException {
        Wallet wallet = wallets.forRequest(request);
        JsonNode body = Json.body(request);
        Address provider = Params.address(body, "provider");
        ZgComputeBroker broker = wallet.broker();
        Service service = broker.inference().getService(provider);
        if (!service.serviceType().equals("chatbot")) {
            throw ApiProblem.badRequest("provider " + provider.checksummed() + " sells " + service.serviceType()
                    + ", not chat: pick a chatbot provider");
        }
        byte[] requestBytes = Json.MAPPER.writeValueAsBytes(completionRequest(service, body));
        ProviderCalls.Answer answer = calls.post(broker, provider, "/chat/completions", "application/json", requestBytes);
        try (EventStream events = EventStream.open(response); InputStream in = answer.body()) {
            try {
                Relay relay = new Relay(events);
                byte[] received = relay.copy(in);
                Optional<String> chatId = answer.header("ZG-Res-Key").or(relay::firstId);
                ResponseVerification verification = chatId
                        .map(id -> broker.inference().processResponse(provider, id, requestBytes, received))
                        .orElseGet(Receipts::unverifiable);
                BigInteger fee = relay.usage().map(usage -> FeeCalculator.of(
                        new ServicePrices(service.inputPrice(), service.outputPrice())).chat(usage).total())
                        .orElse(BigInteger.ZERO);
                ObjectNode done = Receipts.of(service, chatId, verification, fee);
                relay.usage().ifPresent(u -> done.putObject("usage").put("promptTokens", u.promptTokens())
                        .put("completionTokens", u.completionTokens()));
                events.send("done", done);
            } catch (UncheckedIOException pageLeft) {
                throw pageLeft;
            } catch (RuntimeException e) {
                events.send("error", ApiErrors.json(e));
            }
        }
    }

    /** The body sent: the page's conversation, the provider's model, streamed with usage (so the bytes verify). */
    private static ObjectNode completionRequest(Service service, JsonNode body) {
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiProblem.badRequest("field 'messages' must be a non-empty list of {role, content}");
        }
        ObjectNode request = Json.object().put("model", Json.optionalText(body, "model").orElse(service.model()));
        ArrayNode list = request.putArray("messages");
        for (JsonNode message : messages) {
            String role = message.path("role").asText("");
            if (!ROLES.contains(role) || !message.path("content").isTextual()) {
                throw ApiProblem.badRequest("each message needs a role (system, user or assistant) and text content");
            }
            list.addObject().put("role", role).put("content", message.get("content").asText());
        }
        request.put("stream", true);
        request.putObject("stream_options").put("include_usage", true);
        return request;
    }

    /** Copies the provider's SSE bytes exactly, forwarding each content delta as it completes a line. */
    private static final class Relay {
        private final EventStream events;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private Optional<String> firstId = Optional.empty();
        private Optional<ChatUsage> usage = Optional.empty();

        Relay(EventStream events) {
            this.events = events;
        }

        byte[] copy(InputStream in) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    all.write(buffer, 0, n);
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            onLine(line.toString(StandardCharsets.UTF_8).strip());
                            line.reset();
                        } else {
                            line.write(buffer[i]);
                        }
                    }
                }
            } catch (IOException e) {
                throw new ai.zerog.compute.sdk.SdkException("the provider's answer was cut off (" + e.getMessage()
                        + "); an incomplete answer is not charged: send the message again", e);
            }
            onLine(line.toString(StandardCharsets.UTF_8).strip());
            return all.toByteArray();
        }

        private void onLine(String text) {
            if (!text.startsWith("data:")) {
                return;
            }
            String data = text.substring(5).strip();
            if (data.isEmpty() || data.equals("[DONE]")) {
                return;
            }
            JsonNode chunk;
            try {
                chunk = Json.MAPPER.readTree(data);
            } catch (IOException notJson) {
                return;
            }
            if (firstId.isEmpty() && chunk.path("id").isTextual()) {
                firstId = Optional.of(chunk.get("id").asText());
            }
            JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
            if (content.isTextual() && !content.asText().isEmpty()) {
                events.send("delta", Json.object().put("text", content.asText()));
            }
            JsonNode u = chunk.path("usage");
            if (u.isObject() && u.path("prompt_tokens").canConvertToLong()) {
                usage = Optional.of(new ChatUsage(u.path("prompt_tokens").asLong(), u.path("completion_tokens").asLong()));
            }
        }

        Optional<String> firstId() {
            return firstId;
        }

        Optional<ChatUsage> usage() {
            return usage;
        }
    }
}
