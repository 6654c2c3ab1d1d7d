package ai.zerog.compute.provider;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An answer of an HTTP upstream; closing it aborts the exchange unless the body was fully read. */
final class HttpUpstreamResponse implements UpstreamResponse {
    private static final String UNKNOWN_CONTENT_TYPE = "application/octet-stream";

    private final int status;
    private final Map<String, List<String>> headers;
    private final IdleTimeoutBody body;

    HttpUpstreamResponse(HttpResponse<?> response, IdleTimeoutBody body) {
        this.status = response.statusCode();
        this.body = body;
        Map<String, List<String>> lower = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values);
            }
        });
        lower.replaceAll((name, values) -> List.copyOf(values));
        this.headers = Collections.unmodifiableMap(lower);
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
