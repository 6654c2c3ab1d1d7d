package ai.zerog.compute.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Images answered by URL (PROTOCOL.md §9.6): a client asking {@code response_format: "url"} has
 * the upstream asked for {@code b64_json} instead, so the broker holds the image bytes it signs;
 * the answer then goes back with each {@code b64_json} replaced by a broker URL
 * {@code {base}/v1/proxy/images/{chatKey}/{index}}.
 */
final class ImageUrls {
    static final String PATH = "/v1/proxy/images/";
    private static final String FIELD = "response_format";

    private final ObjectMapper json;

    ImageUrls(ObjectMapper json) {
        this.json = json;
    }

    /** Whether an image request (JSON or multipart) asks for {@code response_format: "url"}. */
    boolean asksForUrl(String contentType, byte[] body) {
        if (MultipartForm.isMultipart(contentType)) {
            try {
                return MultipartForm.parse(contentType, body).text(FIELD).map(String::strip).filter("url"::equals)
                        .isPresent();
            } catch (MultipartFormException e) {
                return false; // the body is refused elsewhere
            }
        }
        try {
            JsonNode format = json.readTree(body).path(FIELD);
            return format.isTextual() && format.asText().equals("url");
        } catch (IOException e) {
            return false;
        }
    }

    /** The same request with {@code response_format: "b64_json"}, every other field as sent. */
    byte[] askingForBase64(String contentType, byte[] body) {
        if (MultipartForm.isMultipart(contentType)) {
            String boundary = HeaderParams.parse(contentType).params().get("boundary");
            List<MultipartPart> parts = new ArrayList<>();
            for (MultipartPart part : MultipartForm.parse(contentType, body).parts()) {
                parts.add(part.name().equals(FIELD) && !part.isFile()
                        ? new MultipartPart(FIELD, Optional.empty(), part.contentType(), bytes("b64_json")) : part);
            }
            return multipart(boundary, parts);
        }
        try {
            ObjectNode request = (ObjectNode) json.readTree(body);
            request.put(FIELD, "b64_json"); // replaced in place: field order is kept
            return json.writeValueAsBytes(request);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("asksForUrl accepted a body that is not a JSON object", e);
        }
    }

    /**
     * The upstream's answer with the {@code i}-th {@code b64_json} replaced by
     * {@code url = imagesBase + i}, in place; other fields (e.g. {@code revised_prompt}) are kept.
     */
    byte[] withUrls(byte[] answer, String imagesBase) throws IOException {
        ObjectNode root = (ObjectNode) json.readTree(answer);
        JsonNode data = root.path("data");
        if (data instanceof ArrayNode items) {
            int index = 0;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof ObjectNode item && item.path("b64_json").isTextual()) {
                    ObjectNode replaced = json.createObjectNode();
                    for (Map.Entry<String, JsonNode> field : item.properties()) {
                        if (field.getKey().equals("b64_json")) {
                            replaced.put("url", imagesBase + index++);
                        } else {
                            replaced.set(field.getKey(), field.getValue());
                        }
                    }
                    items.set(i, replaced);
                }
            }
        }
        return json.writeValueAsBytes(root);
    }

    /** The form re-encoded with its own boundary; part contents are copied byte for byte. */
    private static byte[] multipart(String boundary, List<MultipartPart> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (MultipartPart part : parts) {
            StringBuilder headers = new StringBuilder("--").append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"").append(quoted(part.name())).append('"');
            part.filename().ifPresent(name -> headers.append("; filename=\"").append(quoted(name)).append('"'));
            headers.append("\r\n");
            part.contentType().ifPresent(type -> headers.append("Content-Type: ").append(type).append("\r\n"));
            out.writeBytes(bytes(headers.append("\r\n").toString()));
            out.writeBytes(part.bytes());
            out.writeBytes(bytes("\r\n"));
        }
        out.writeBytes(bytes("--" + boundary + "--\r\n"));
        return out.toByteArray();
    }

    /** As browsers write names: quotes and line breaks percent-encoded (RFC 7578 §4.2). */
    private static String quoted(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
