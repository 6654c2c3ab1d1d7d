package ai.zerog.compute.cli.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts a request to a provider over HTTP/1.1 and hands back status, headers and the body as a
 * stream. No answer headers within the timeout, or no connection, is an {@link IOException} whose
 * message says which; any HTTP status is an answer.
 */
final class UpstreamClient implements AutoCloseable {
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final Duration timeout;

    UpstreamClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A provider's answer; close it to drop the connection when the body is not read to the end. */
    record Answer(int status, java.net.http.HttpHeaders headers, InputStream body) implements AutoCloseable {
        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // the stream closes without I/O
            }
        }
    }

    Answer post(URI uri, Map<String, String> headers, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(uri, request.build());
    }

    Answer get(URI uri, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        headers.forEach(request::header);
        return send(uri, request.build());
    }

    private Answer send(URI uri, HttpRequest request) throws IOException {
        IdleTimeoutStream body = new IdleTimeoutStream(timeout, uri.getScheme() + "://" + uri.getAuthority());
        // no HttpRequest.timeout(): it would also bound the body and cut long streams
        CompletableFuture<HttpResponse<InputStream>> pending = http.sendAsync(request, info -> body);
        try {
            HttpResponse<InputStream> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            body.close();
            throw new HttpTimeoutException("no answer from " + uri + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException("cannot reach " + uri + ": " + describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for " + uri);
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        http.close();
    }
}
