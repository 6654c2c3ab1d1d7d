package ai.zerog.compute.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An upstream that speaks the OpenAI HTTP API (vLLM, Ollama, llama.cpp, TGI, …): posts the body
 * unchanged to {@code baseUrl + endpoint} over HTTP/1.1 with the JDK client and hands back the
 * body as a stream with an idle timeout (see {@link OpenAiUpstreamConfig}). Failing to connect,
 * or getting no response headers within the idle timeout, is an
 * {@link UpstreamUnavailableException}; any HTTP status, 5xx included, is returned as is.
 */
public final class OpenAiUpstream implements Upstream, AutoCloseable {
    private final OpenAiUpstreamConfig config;
    private final HttpClient client;

    private OpenAiUpstream(OpenAiUpstreamConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
        HttpRequest.Builder http = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null && !request.contentType().isBlank()) {
            http.header("Content-Type", request.contentType());
        }
        config.apiKey().ifPresent(key -> http.header("Authorization", "Bearer " + key));
        IdleTimeoutBody body = new IdleTimeoutBody(config.idleTimeout(), uri);
        // No HttpRequest.timeout(): newer JDKs extend it over the body, which would cut long streams.
        CompletableFuture<HttpResponse<InputStream>> pending = client.sendAsync(http.build(), info -> body);
        try {
            return new HttpUpstreamResponse(pending.get(config.idleTimeout().toNanos(), TimeUnit.NANOSECONDS), body);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new UpstreamUnavailableException("upstream " + uri + " sent no response headers within "
                    + config.idleTimeout() + " (idleTimeout)", e);
        } catch (ExecutionException e) {
            throw unavailable(uri, e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while waiting for upstream " + uri, e);
        }
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
