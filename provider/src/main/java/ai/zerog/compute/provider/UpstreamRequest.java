package ai.zerog.compute.provider;

/**
 * One request for the upstream. {@code endpoint} is the OpenAI path below {@code /v1}, e.g.
 * {@code /chat/completions}, {@code /images/generations}, {@code /images/edits},
 * {@code /audio/transcriptions}; {@code body} is exactly what is forwarded (JSON or multipart).
 */
public record UpstreamRequest(String endpoint, String contentType, byte[] body) {
    public UpstreamRequest {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
