package ai.zerog.compute.devnet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** A minimal JSON-RPC 2.0 client over HTTP POST that returns the raw {@code result} JSON. */
final class JsonRpcClient implements AutoCloseable {

    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_]+");

    private final URI url;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();

    JsonRpcClient(URI url) {
        this.url = url;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Calls {@code method}; throws DevnetException on transport failure or a JSON-RPC error. */
    String call(String method, String paramsJsonArray, Duration timeout) {
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("not a JSON-RPC method name: " + method);
        }
        String params = paramsJsonArray.strip();
        if (!params.startsWith("[") || !params.endsWith("]")) {
            throw new IllegalArgumentException("params must be a JSON array, got " + paramsJsonArray);
        }
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet() + ",\"method\":\"" + method
                + "\",\"params\":" + params + "}";
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DevnetException(method + " to " + url + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevnetException(method + " to " + url + " was interrupted", e);
        }
        return result(method, response);
    }

    private String result(String method, HttpResponse<String> response) {
        String text = response.body();
        if (response.statusCode() != 200 && !text.strip().startsWith("{")) {
            throw new DevnetException(method + " to " + url + " answered HTTP " + response.statusCode() + ": " + text);
        }
        Optional<String> error = JsonText.member(text, "error").filter(raw -> !raw.equals("null"));
        if (error.isPresent()) {
            String message = JsonText.member(error.get(), "message").map(JsonText::string).orElse(error.get());
            String code = JsonText.member(error.get(), "code").orElse("?");
            throw new DevnetException(method + " failed: " + message + " (JSON-RPC error " + code + ")");
        }
        return JsonText.member(text, "result")
                .orElseThrow(() -> new DevnetException(method + " answer has neither result nor error: " + text));
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "JsonRpcClient[" + url + "]";
    }
}
