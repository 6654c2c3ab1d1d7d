package ai.zerog.compute.provider;

import java.util.Map;
import java.util.Objects;

/**
 * The built-in model for the devnet and tests, answering in-process like an OpenAI server:
 * deterministic chat text with honest token counts (JSON or SSE), real PNG images, and
 * transcriptions with duration usage. Unknown endpoints answer 404 and bad bodies 400, both
 * with OpenAI's error JSON. See {@link DevChatCompletions}, {@link DevImages},
 * {@link DevTranscriptions} and {@link DevTokenizer} for the exact rules.
 */
public final class DevModel implements Upstream {
    private interface Endpoint {
        DevResponse handle(String contentType, byte[] body);
    }

    private final Map<String, Endpoint> endpoints;

    private DevModel(DevModelConfig config) {
        DevChatCompletions chat = new DevChatCompletions(config);
        DevImages images = new DevImages(config);
        DevTranscriptions transcriptions = new DevTranscriptions();
        this.endpoints = Map.of(
                DevChatCompletions.ENDPOINT, (contentType, body) -> chat.handle(body),
                DevImages.GENERATIONS, images::generations,
                DevImages.EDITS, images::edits,
                DevTranscriptions.ENDPOINT, transcriptions::handle);
    }

    public static DevModel create() {
        return create(DevModelConfig.defaults());
    }

    public static DevModel create(DevModelConfig config) {
        return new DevModel(Objects.requireNonNull(config, "config"));
    }

    @Override
    public UpstreamResponse send(UpstreamRequest request) {
        String endpoint = path(request.endpoint());
        Endpoint handler = endpoints.get(endpoint);
        if (handler == null) {
            return DevResponse.json(404, DevJson.error("Unknown endpoint: POST /v1" + endpoint));
        }
        try {
            return handler.handle(request.contentType() == null ? "" : request.contentType(), request.body());
        } catch (DevRequestException e) {
            return DevResponse.json(e.status(), DevJson.error(e.getMessage()));
        }
    }

    /** The endpoint without query string or trailing slash ({@code ?wait=true} is added for images). */
    private static String path(String endpoint) {
        int query = endpoint.indexOf('?');
        String path = query >= 0 ? endpoint.substring(0, query) : endpoint;
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
