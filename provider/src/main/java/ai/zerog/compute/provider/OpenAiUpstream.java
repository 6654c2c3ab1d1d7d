package ai.zerog.compute.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Objects;

/**
 * An upstream that speaks the OpenAI HTTP API (vLLM, Ollama, llama.cpp, TGI, …): posts the body
 * unchanged to {@code baseUrl + endpoint} over HTTP/1.1 on kept-alive connections (see
 * {@link Http1Client}) and hands back the body as a stream with an idle timeout (see
 * {@link OpenAiUpstreamConfig}). Failing to connect, or getting no response headers within the
 * idle timeout, is an {@link UpstreamUnavailableException}; any HTTP status, 5xx included, is
 * returned as is.
 */
public final class OpenAiUpstream implements Upstream, AutoCloseable {
    private final OpenAiUpstreamConfig config;
    private final Http1Client client;

    private OpenAiUpstream(OpenAiUpstreamConfig config) {
        this.config = config;
        this.client = new Http1Client(config.baseUrl(), config.connectTimeout(), config.idleTimeout());
    }

    public static OpenAiUpstream create(OpenAiUpstreamConfig config) {
        return new OpenAiUpstream(Objects.requireNonNull(config, "config"));
    }

    public OpenAiUpstreamConfig config() {
        return config;
    }

    @Override
    public UpstreamResponse send(UpstreamRequest request) {
        URI uri = uri(request.endpoint());
        String contentType = request.contentType() == null ? "" : request.contentType();
        Http1Client.Response response;
        try {
            response = client.post(uri, contentType, config.apiKey().map(key -> "Bearer " + key).orElse(""),
                    request.body());
        } catch (HttpConnectTimeoutException e) {
            throw unavailable(uri, e);
        } catch (HttpTimeoutException e) {
            throw new UpstreamUnavailableException("upstream " + uri + " sent no response headers within "
                    + config.idleTimeout() + " (idleTimeout)", e);
        } catch (IOException e) {
            throw unavailable(uri, e);
        }
        return new HttpUpstreamResponse(response.head().status(), response.head().headers(), response.body());
    }

    /** Closes the HTTP client and its pooled connections. */
    @Override
    public void close() {
        client.close();
    }

    private URI uri(String endpoint) {
        if (!endpoint.startsWith("/")) {
            throw new ProviderException("upstream endpoint must start with '/', got '" + endpoint + "'");
        }
        try {
            return URI.create(config.baseUrl() + endpoint);
        } catch (IllegalArgumentException e) {
            throw new ProviderException("upstream endpoint '" + endpoint + "' does not form a valid URL", e);
        }
    }

    private UpstreamUnavailableException unavailable(URI uri, Throwable cause) {
        String reason;
        if (cause instanceof HttpConnectTimeoutException) {
            reason = "connect timed out after " + config.connectTimeout() + " (connectTimeout)";
        } else if (hasCause(cause, UnresolvedAddressException.class) || hasCause(cause, UnknownHostException.class)) {
            reason = "unknown host '" + uri.getHost() + "'";
        } else if (cause instanceof ConnectException) {
            reason = "connection refused";
        } else if (cause instanceof IOException) {
            reason = "no valid HTTP response (" + describe(cause) + ")";
        } else {
            reason = describe(cause);
        }
        return new UpstreamUnavailableException("cannot reach upstream " + uri + ": " + reason, cause);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return error.getClass().getSimpleName();
    }
}
