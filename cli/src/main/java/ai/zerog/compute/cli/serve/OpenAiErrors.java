package ai.zerog.compute.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerResponse;

/** The proxy's own errors in the OpenAI shape {@code {"error":{"message","type","param","code"}}}, which OpenAI clients parse. */
final class OpenAiErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiErrors() {
    }

    static byte[] body(String message, String type, String code) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", type).putNull("param").put("code", code);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }

    static void send(ServerResponse response, int status, String message, String type, String code) {
        if (response.isSent()) {
            return;
        }
        response.status(status).header("Content-Type", "application/json").send(body(message, type, code));
    }
}
