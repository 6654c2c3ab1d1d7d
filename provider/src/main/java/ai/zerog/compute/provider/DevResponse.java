package ai.zerog.compute.provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** An in-process upstream answer of the {@link DevModel}: nothing to abort, the body is local. */
record DevResponse(int status, String contentType, InputStream body) implements UpstreamResponse {
    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream";

    static DevResponse ok(String contentType, byte[] body) {
        return new DevResponse(200, contentType, new ByteArrayInputStream(body));
    }

    static DevResponse json(int status, byte[] body) {
        return new DevResponse(status, JSON, new ByteArrayInputStream(body));
    }

    @Override
    public Map<String, List<String>> headers() {
        return Map.of("content-type", List.of(contentType));
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new ProviderException("closing dev model body failed", e);
        }
    }
}
