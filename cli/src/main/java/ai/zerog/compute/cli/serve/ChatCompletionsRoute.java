package ai.zerog.compute.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * {@code POST /v1/chat/completions}, JSON or streamed. {@code messages} must be a non-empty array;
 * {@code model} is filled in with the target's when absent (replaced when the proxy overwrites
 * models); a stream request gets {@code stream_options.include_usage = true} when missing, because
 * the broker adds it and signs the body it forwards, and the exact-bytes check needs the body we send
 * to be that body. The usage event is also what the official broker sends anyway.
 */
final class ChatCompletionsRoute implements ProxyRoute {
    static final String PATH = "/v1/chat/completions";

    private final Forwarder forwarder;
    private final ClientBodies bodies;
    private final boolean overwriteModel;

    ChatCompletionsRoute(Forwarder forwarder, ClientBodies bodies, boolean overwriteModel) {
        this.forwarder = forwarder;
        this.bodies = bodies;
        this.overwriteModel = overwriteModel;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        byte[] raw = bodies.read(request);
        ObjectNode chat = ClientBodies.jsonObject(raw);
        JsonNode messages = chat.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ClientRequestException.invalid("Missing or invalid messages in request body");
        }
        boolean changed = false;
        if (chat.path("stream").isTextual() && chat.get("stream").asText().equals("true")) {
            chat.put("stream", true);
            changed = true;
        }
        if (chat.path("stream").asBoolean(false) && !chat.path("stream_options").path("include_usage").asBoolean(false)) {
            JsonNode options = chat.get("stream_options");
            (options instanceof ObjectNode o ? o : chat.putObject("stream_options")).put("include_usage", true);
            changed = true;
        }
        Optional<String> model = ClientBodies.text(chat, "model");
        boolean keepModel = model.isPresent() && !overwriteModel;
        byte[] prepared = changed ? ClientBodies.bytes(chat) : raw;
        forwarder.forward(new Forwarder.Outgoing("POST " + PATH, "chatbot", "/chat/completions", "application/json",
                keepModel ? model : Optional.empty(),
                upstream -> keepModel ? prepared : ClientBodies.bytes(chat.deepCopy().put("model", upstream.model()))),
                response);
    }
}
