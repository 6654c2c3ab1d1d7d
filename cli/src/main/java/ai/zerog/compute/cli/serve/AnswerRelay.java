package ai.zerog.compute.cli.serve;

import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Relays a provider's successful answer and its verdict. A JSON answer is read whole, verified,
 * then sent with {@code x-0g-verified}; an event stream is relayed chunk by chunk as it arrives and
 * verified after its last byte (see {@link StreamVerdict}). Until the first byte goes out, a
 * failure is returned so the next target can still answer.
 */
final class AnswerRelay {
    static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;
    private static final int CHUNK = 16 * 1024;

    private final TargetPool pool;
    private final AnswerVerifier verifier;
    private final VerdictCache verdicts;
    private final ProxyLog log;

    AnswerRelay(TargetPool pool, AnswerVerifier verifier, VerdictCache verdicts, ProxyLog log) {
        this.pool = pool;
        this.verifier = verifier;
        this.verdicts = verdicts;
        this.log = log;
    }

    /** Empty once the answer went to the client; else why nothing could be relayed. */
    Optional<String> relay(String label, Upstream upstream, byte[] sent, UpstreamClient.Answer answer,
                           ServerResponse response) {
        return answer.header("Content-Type").toLowerCase(Locale.ROOT).startsWith("text/event-stream")
                ? stream(label, upstream, sent, answer, response) : whole(label, upstream, sent, answer, response);
    }

    private Optional<String> whole(String label, Upstream upstream, byte[] sent, UpstreamClient.Answer answer,
                                   ServerResponse response) {
        byte[] received;
        try {
            received = answer.body().readNBytes(MAX_ANSWER_BYTES + 1);
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
        if (received.length > MAX_ANSWER_BYTES) {
            return Optional.of("the answer is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        pool.succeeded(upstream);
        Optional<String> chatId = answer.headers().firstValue("ZG-Res-Key").or(() -> ChatIds.ofJson(received));
        Verdict verdict = verified(upstream, chatId, sent, received, true);
        log.info(label + " -> " + upstream.id() + " " + answer.status() + " " + verdict.logText());
        response.status(answer.status());
        successHeaders(upstream, answer, response);
        if (!answer.header("Content-Type").isEmpty()) {
            response.header("Content-Type", answer.header("Content-Type"));
        }
        response.header("x-0g-verified", verdict.state().text);
        verdict.reasonHeader().ifPresent(reason -> response.header("x-0g-verification-reason", reason));
        response.send(received);
        return Optional.empty();
    }

    private Optional<String> stream(String label, Upstream upstream, byte[] sent, UpstreamClient.Answer answer,
                                    ServerResponse response) {
        InputStream in = answer.body();
        byte[] chunk = new byte[CHUNK];
        int n;
        try {
            n = in.read(chunk);
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
        if (n < 0) {
            return Optional.of("an empty event stream");
        }
        pool.succeeded(upstream);
        response.status(answer.status());
        successHeaders(upstream, answer, response);
        response.header("Content-Type", answer.header("Content-Type"));
        response.header("Cache-Control", "no-cache");
        response.header("X-Accel-Buffering", "no");
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        boolean complete = true;
        byte lastByte = '\n';
        Optional<String> cut = Optional.empty();
        try (OutputStream out = response.outputStream()) {
            while (n >= 0) {
                out.write(chunk, 0, n);
                out.flush();
                lastByte = n > 0 ? chunk[n - 1] : lastByte;
                complete = complete && kept.size() + n <= MAX_ANSWER_BYTES;
                if (complete) {
                    kept.write(chunk, 0, n);
                }
                try {
                    n = in.read(chunk);
                } catch (IOException e) {
                    cut = Optional.of(e.getMessage());
                    n = -1;
                }
            }
            byte[] received = kept.toByteArray();
            Optional<String> chatId = answer.headers().firstValue("ZG-Res-Key").or(() -> ChatIds.ofEventStream(received));
            Verdict verdict = verified(upstream, chatId, sent, received, complete);
            if (lastByte != '\n') {
                out.write(StreamVerdict.LINE_END); // a cut-off line must not swallow the comment
            }
            out.write(StreamVerdict.comment(verdict));
            out.flush();
            log.info(label + " -> " + upstream.id() + " " + answer.status() + " (stream"
                    + cut.map(reason -> ", cut off: " + reason).orElse("") + ") " + verdict.logText());
        } catch (IOException | UncheckedIOException e) {
            log.info(label + " -> " + upstream.id() + ": the client went away mid-stream");
        }
        return Optional.empty();
    }

    private Verdict verified(Upstream upstream, Optional<String> chatId, byte[] sent, byte[] received, boolean complete) {
        Verdict verdict = verifier.verify(upstream, chatId, sent, received, complete);
        verdicts.put(verdict);
        return verdict;
    }

    private static void successHeaders(Upstream upstream, UpstreamClient.Answer answer, ServerResponse response) {
        response.header("x-0g-provider", upstream.id());
        answer.headers().firstValue("ZG-Res-Key").ifPresent(key -> {
            response.header("ZG-Res-Key", key);
            response.header("x-0g-chat-id", key);
        });
        answer.headers().map().forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-ratelimit-") && !values.isEmpty()) {
                response.header(name, values.getFirst());
            }
        });
    }
}
