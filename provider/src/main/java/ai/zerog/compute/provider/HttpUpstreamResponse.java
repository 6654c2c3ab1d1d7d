package ai.zerog.compute.provider;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** An answer of an HTTP upstream; closing it aborts the exchange unless the body was fully read. */
final class HttpUpstreamResponse implements UpstreamResponse {
    private static final String UNKNOWN_CONTENT_TYPE = "application/octet-stream";

    private final int status;
    private final Map<String, List<String>> headers;
    private final Http1Body body;

    /** {@code headers} with lower-case names. */
    HttpUpstreamResponse(int status, Map<String, List<String>> headers, Http1Body body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String contentType() {
        List<String> values = headers.get("content-type");
        return values == null || values.isEmpty() ? UNKNOWN_CONTENT_TYPE : values.getFirst();
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void close() {
        body.close();
    }
}
