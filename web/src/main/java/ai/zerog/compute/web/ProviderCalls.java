package ai.zerog.compute.web;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ProviderUnreachableException;
import ai.zerog.compute.sdk.ZgComputeBroker;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends an OpenAI-style request to a provider with the SDK's authorization header and hands the
 * answer back unread, so a streamed chat can be relayed as it arrives. The SDK decides the
 * endpoint and signs the session token; a refusal by the provider becomes the SDK's typed
 * exception, the same ones {@code inference().chat} throws.
 */
final class ProviderCalls {
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** A 2xx answer, its body still to read (the caller closes it). */
    record Answer(HttpResponse<InputStream> response, byte[] requestBody) {
        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        InputStream body() {
            return response.body();
        }
    }

    /** POSTs {@code body} to {@code <endpoint><path>} for {@code provider}, e.g. path {@code /chat/completions}. */
    Answer post(ZgComputeBroker broker, Address provider, String path, String contentType, byte[] body) {
        URI url = URI.create(broker.inference().serviceMetadata(provider).endpoint() + path);
        Map<String, String> auth = broker.inference().requestHeaders(provider);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        auth.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ProviderUnreachableException(url, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnreachableException(url, "interrupted while waiting for the answer", e);
        }
        if (response.statusCode() / 100 != 2) {
            byte[] error;
            try (InputStream in = response.body()) {
                error = in.readNBytes(MAX_ERROR_BYTES);
            } catch (IOException e) {
                error = new byte[0];
            }
            throw broker.inference().providerFailure(provider, url, response.statusCode(), response.headers().map(),
                    error);
        }
        return new Answer(response, body);
    }
}
