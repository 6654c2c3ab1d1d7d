package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.ProviderError;
import ai.zerog.compute.core.Units;
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
 * HTTP calls to a provider broker. Connection failures become {@link ProviderUnreachableException}
 * naming the URL; broker error answers are mapped through the shared {@link ProviderError} catalogue
 * to the exception a caller handles (PROTOCOL.md §4.5, §8).
 */
final class ProviderHttp {
    /** Used when a 429 carries no {@code Retry-After} (the per-user limiters send none, §8). */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(2);

    private static final Pattern AMOUNTS = Pattern.compile(
            "locked balance is ([0-9.]+) 0G, but the required minimum is ([0-9.]+) 0G");

    private final ProviderClient http;

    ProviderHttp(ProviderClient http) {
        this.http = http;
    }

    /** A provider's answer, read whole up to a cap. */
    record Answer(int status, Map<String, java.util.List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean ok() {
            return status / 100 == 2;
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().getFirst())
                    .findFirst();
        }
    }

    Answer get(URI url, Map<String, String> headers, Duration timeout, int maxBytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).version(HttpClient.Version.HTTP_1_1).timeout(timeout).GET();
        headers.forEach(request::header);
        return send(url, request.build(), maxBytes);
    }

    Answer post(URI url, Map<String, String> headers, byte[] body, Duration timeout, int maxBytes) {
        // HTTP/1.1: an h2c upgrade attempt on a billed POST buys nothing and adds a failure mode
        HttpRequest.Builder request = HttpRequest.newBuilder(url).version(HttpClient.Version.HTTP_1_1).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(url, request.build(), maxBytes);
    }

    private Answer send(URI url, HttpRequest request, int maxBytes) {
        HttpResponse<InputStream> response;
        try {
            response = http.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ProviderUnreachableException(url, describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnreachableException(url, "interrupted while waiting for the answer", e);
        }
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new ProviderUnreachableException(url, "answer larger than " + maxBytes + " bytes");
            }
            return new Answer(response.statusCode(), response.headers().map(), body);
        } catch (IOException e) {
            throw new ProviderUnreachableException(url, "answer cut off: " + describe(e), e);
        }
    }

    /**
     * The exception for a non-2xx broker answer: the catalogue entries a caller handles get their own
     * type, a 502–504 means the provider (or its gateway) is unavailable, anything else is reported
     * with status and body.
     */
    static SdkException failure(Address provider, URI url, Answer answer, Optional<BigInteger> lockedOnChain) {
        String text = answer.text();
        Optional<ProviderError> error = ProviderError.fromResponse(answer.status(), text);
        String detail = errorText(text);
        if (error.isPresent()) {
            switch (error.get()) {
                case INSUFFICIENT_BALANCE -> {
                    return insufficientBalance(provider, text, lockedOnChain);
                }
                case RATE_LIMITED, TOO_MANY_CONCURRENT, TOO_MANY_REQUESTS_FROM_IP -> {
                    return new RateLimitedException(provider, retryAfter(answer), detail);
                }
                case USER_NOT_ACKNOWLEDGED, ACCOUNT_NOT_FOUND -> {
                    return new ProviderNotAcknowledgedException(provider, detail);
                }
                case SERVER_BUSY, UPSTREAM_UNAVAILABLE -> {
                    return new ProviderUnreachableException(url, "HTTP " + answer.status() + " " + detail);
                }
                default -> {
                    // token, body and model errors: the message says what is wrong
                }
            }
        }
        if (answer.status() == 429) {
            return new RateLimitedException(provider, retryAfter(answer), detail);
        }
        if (answer.status() >= 502 && answer.status() <= 504) {
            return new ProviderUnreachableException(url, "HTTP " + answer.status() + " " + detail);
        }
        return new SdkException("provider " + provider.checksummed() + " answered HTTP " + answer.status() + " to "
                + url + ": " + detail);
    }

    private static SdkException insufficientBalance(Address provider, String text, Optional<BigInteger> lockedOnChain) {
        Matcher m = AMOUNTS.matcher(text);
        if (m.find()) {
            try {
                return new InsufficientSubAccountBalanceException(provider, Units.toNeuron(m.group(1)),
                        Units.toNeuron(m.group(2)));
            } catch (CoreException unparsable) {
                // fall through to what the chain says
            }
        }
        BigInteger locked = lockedOnChain.orElse(BigInteger.ZERO);
        return new InsufficientSubAccountBalanceException(provider, locked,
                locked.add(ai.zerog.compute.core.AdmissionRule.MIN_LOCKED_BALANCE));
    }

    /** {@code Retry-After} in seconds (the only form brokers send), else {@link #DEFAULT_RETRY_AFTER}. */
    static Duration retryAfter(Answer answer) {
        return answer.header("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.strip());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        }).orElse(DEFAULT_RETRY_AFTER);
    }

    /** The {@code error} text of a broker error body, else the body itself (shortened). */
    static String errorText(String body) {
        try {
            var node = Jsons.MAPPER.readTree(body);
            if (node != null && node.path("error").isTextual()) {
                return node.get("error").asText();
            }
        } catch (IOException notJson) {
            // fall through
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
