package ai.zerog.compute.web;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.core.AdmissionRule;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.ProviderError;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.InsufficientSubAccountBalanceException;
import ai.zerog.compute.sdk.ProviderNotAcknowledgedException;
import ai.zerog.compute.sdk.ProviderUnreachableException;
import ai.zerog.compute.sdk.RateLimitedException;
import ai.zerog.compute.sdk.SdkException;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends an OpenAI-style request to a provider with the SDK's authorization header and hands the
 * answer back unread, so a streamed chat can be relayed as it arrives. The SDK decides the
 * endpoint and signs the session token; a refusal by the provider becomes the SDK's typed
 * exception, the same ones {@code inference().chat} throws.
 */
final class ProviderCalls {
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int MAX_ERROR_BYTES = 64 * 1024;
    private static final Pattern AMOUNTS = Pattern.compile(
            "locked balance is ([0-9.]+) 0G, but the required minimum is ([0-9.]+) 0G");

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
            String text;
            try (InputStream in = response.body()) {
                text = new String(in.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            throw failure(broker, provider, url, response, text);
        }
        return new Answer(response, body);
    }

    /** The SDK exception for a provider's refusal (PROTOCOL.md §4.5, §8), as its own chat call maps it. */
    static SdkException failure(ZgComputeBroker broker, Address provider, URI url, HttpResponse<?> response, String text) {
        int status = response.statusCode();
        String detail = errorText(text);
        Optional<ProviderError> error = ProviderError.fromResponse(status, text);
        if (error.isPresent()) {
            switch (error.get()) {
                case INSUFFICIENT_BALANCE -> {
                    return insufficient(broker, provider, text);
                }
                case RATE_LIMITED, TOO_MANY_CONCURRENT, TOO_MANY_REQUESTS_FROM_IP -> {
                    return new RateLimitedException(provider, retryAfter(response), detail);
                }
                case USER_NOT_ACKNOWLEDGED, ACCOUNT_NOT_FOUND -> {
                    return new ProviderNotAcknowledgedException(provider, detail);
                }
                case SERVER_BUSY, UPSTREAM_UNAVAILABLE -> {
                    return new ProviderUnreachableException(url, "HTTP " + status + " " + detail);
                }
                default -> {
                    // the provider's message says what is wrong with the request
                }
            }
        }
        if (status == 429) {
            return new RateLimitedException(provider, retryAfter(response), detail);
        }
        if (status >= 502 && status <= 504) {
            return new ProviderUnreachableException(url, "HTTP " + status + " " + detail);
        }
        return new SdkException("provider " + provider.checksummed() + " answered HTTP " + status + ": " + detail);
    }

    private static SdkException insufficient(ZgComputeBroker broker, Address provider, String text) {
        Matcher m = AMOUNTS.matcher(text);
        if (m.find()) {
            try {
                return new InsufficientSubAccountBalanceException(provider, Units.toNeuron(m.group(1)),
                        Units.toNeuron(m.group(2)));
            } catch (CoreException unparsable) {
                // use the chain's view below
            }
        }
        BigInteger locked;
        try {
            locked = broker.inference().account(provider).map(Account::usableBalance).orElse(BigInteger.ZERO);
        } catch (RuntimeException e) {
            locked = BigInteger.ZERO;
        }
        return new InsufficientSubAccountBalanceException(provider, locked, locked.add(AdmissionRule.MIN_LOCKED_BALANCE));
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        }).orElse(Duration.ofSeconds(2));
    }

    static String errorText(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node != null && node.path("error").isTextual()) {
                return node.get("error").asText();
            }
            if (node != null && node.path("error").path("message").isTextual()) {
                return node.get("error").get("message").asText();
            }
        } catch (IOException notJson) {
            // plain text
        }
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
