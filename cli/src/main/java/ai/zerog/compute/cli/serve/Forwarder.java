package ai.zerog.compute.cli.serve;

import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends one client request to the targets in turn until one answers: a connection error, a
 * timeout, a 5xx or a 429 moves on to the next target (nothing has reached the client yet); any
 * other answer is relayed with its real status and body, successes through {@link AnswerRelay}
 * with their verdict. When every target failed, the last provider error is passed through as it
 * came, else a 502.
 */
final class Forwarder {
    static final int MAX_ERROR_BYTES = 1024 * 1024;

    /** A request a route prepared: the body is built per target (its model goes into it). */
    record Outgoing(String label, String serviceType, String path, String contentType, Optional<String> model,
                    Function<Upstream, byte[]> body) {}

    /** A provider's error answer, passed through as it came. */
    private record ErrorAnswer(Upstream upstream, int status, String contentType, Optional<String> retryAfter,
                               byte[] body) {}

    /** One try: empty once something went to the client, else the failure and any error answer to keep. */
    private record Outcome(Optional<String> failure, Optional<ErrorAnswer> error) {
        static final Outcome DONE = new Outcome(Optional.empty(), Optional.empty());

        static Outcome failed(String reason) {
            return new Outcome(Optional.of(reason), Optional.empty());
        }
    }

    private final TargetPool pool;
    private final UpstreamClient client;
    private final AnswerRelay relay;
    private final ProxyLog log;

    Forwarder(TargetPool pool, UpstreamClient client, AnswerRelay relay, ProxyLog log) {
        this.pool = pool;
        this.client = client;
        this.relay = relay;
        this.log = log;
    }

    void forward(Outgoing request, ServerResponse response) {
        List<Upstream> candidates = pool.candidates(request.serviceType(), request.model());
        Optional<ErrorAnswer> lastError = Optional.empty();
        String lastFailure = "no target configured";
        for (Upstream upstream : candidates) {
            Outcome outcome = attempt(request, upstream, response);
            if (outcome.failure().isEmpty()) {
                return;
            }
            lastFailure = upstream.id() + ": " + outcome.failure().get();
            lastError = outcome.error().isPresent() ? outcome.error() : lastError;
            pool.failed(upstream, outcome.failure().get());
            log.warn(request.label() + " -> " + upstream.id() + " failed: " + outcome.failure().get()
                    + (upstream == candidates.getLast() ? "" : "; trying the next target"));
        }
        if (lastError.isPresent()) {
            log.info(request.label() + " -> " + lastError.get().upstream().id() + " " + lastError.get().status()
                    + " (passed through)");
            send(lastError.get(), response);
            return;
        }
        log.warn(request.label() + " -> no target answered; last failure: " + lastFailure);
        OpenAiErrors.send(response, 502, "no provider answered; last failure: " + lastFailure, "api_error",
                "providers_unavailable");
    }

    private Outcome attempt(Outgoing request, Upstream upstream, ServerResponse response) {
        byte[] body = request.body().apply(upstream); // a ClientRequestException here is the client's mistake
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            headers.putAll(upstream.authorization().get());
        } catch (RuntimeException e) {
            return Outcome.failed("cannot sign the request: " + e.getMessage());
        }
        headers.put("Content-Type", request.contentType());
        UpstreamClient.Answer answer;
        try {
            answer = client.post(upstream.resolve(request.path()), headers, body);
        } catch (IOException e) {
            return Outcome.failed(e.getMessage());
        }
        try (answer) {
            int status = answer.status();
            if (status / 100 == 2) {
                return relay.relay(request.label(), upstream, body, answer, response).map(Outcome::failed)
                        .orElse(Outcome.DONE);
            }
            ErrorAnswer error = new ErrorAnswer(upstream, status, answer.header("Content-Type"),
                    answer.headers().firstValue("Retry-After"), readQuietly(answer.body()));
            if (status == 429 || status >= 500) {
                return new Outcome(Optional.of("HTTP " + status + " " + shortText(error.body())), Optional.of(error));
            }
            log.info(request.label() + " -> " + upstream.id() + " " + status + " (passed through): "
                    + shortText(error.body()));
            send(error, response); // the request's own fault: another target would refuse it too
            return Outcome.DONE;
        }
    }

    private static void send(ErrorAnswer error, ServerResponse response) {
        if (response.isSent()) {
            return;
        }
        response.status(error.status());
        response.header("x-0g-provider", error.upstream().id());
        if (!error.contentType().isEmpty()) {
            response.header("Content-Type", error.contentType());
        }
        error.retryAfter().ifPresent(value -> response.header("Retry-After", value));
        response.send(error.body());
    }

    private static byte[] readQuietly(InputStream in) {
        try {
            return in.readNBytes(MAX_ERROR_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String shortText(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
