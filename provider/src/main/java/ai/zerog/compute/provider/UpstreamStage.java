package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Fee;
import ai.zerog.compute.core.ProviderError;
import ai.zerog.compute.core.ResponseSigning;
import ai.zerog.compute.core.Signature;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last stage: forwards to the upstream, relays the answer (JSON whole, SSE line by line),
 * and for a complete answer records the fee durably and stores the TEE signature before the
 * answer's final bytes leave. An upstream error is passed through and not charged; an answer
 * cut off (upstream stalls or ends without {@code [DONE]}, or the client goes away) is not
 * charged either.
 */
final class UpstreamStage implements ProxyHandler {
    private static final Logger LOG = Logger.getLogger(UpstreamStage.class.getName());
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final Executor SIGNATURE_WRITERS = Executors.newVirtualThreadPerTaskExecutor();

    private final Upstream upstream;
    private final UpstreamBodies bodies;
    private final Billing billing;
    private final FeeStore store;
    private final TeeSigner signer;
    private final Address provider;
    private final String model;
    private final Clock clock;

    UpstreamStage(Upstream upstream, UpstreamBodies bodies, Billing billing, FeeStore store, TeeSigner signer,
                  Address provider, String model, Clock clock) {
        this.upstream = upstream;
        this.bodies = bodies;
        this.billing = billing;
        this.store = store;
        this.signer = signer;
        this.provider = provider;
        this.model = model;
        this.clock = clock;
    }

    @Override
    public void handle(ProxyExchange exchange) {
        bodies.requestedModel(exchange.endpoint(), exchange.contentType(), exchange.body())
                .filter(requested -> !requested.equals(model))
                .ifPresent(requested -> {
                    throw new BrokerErrorException(ProviderError.MODEL_NOT_SUPPORTED, requested, model);
                });
        byte[] forwarded = bodies.forUpstream(exchange.endpoint(), exchange.contentType(), exchange.body());
        String chatKey = UUID.randomUUID().toString();
        UpstreamResponse answer;
        try {
            answer = upstream.send(new UpstreamRequest(exchange.endpoint().path(), exchange.contentType(), forwarded));
        } catch (UpstreamUnavailableException e) {
            LOG.log(Level.WARNING, "upstream unavailable: " + e.getMessage());
            throw new BrokerErrorException(ProviderError.UPSTREAM_UNAVAILABLE, e.getMessage());
        }
        try (answer) {
            if (answer.status() != 200) {
                passThrough(answer, exchange.response());
            } else if (answer.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream")) {
                relayStream(exchange, answer, forwarded, chatKey);
            } else {
                relayWhole(exchange, answer, forwarded, chatKey);
            }
        }
    }

    private void relayWhole(ProxyExchange exchange, UpstreamResponse answer, byte[] forwarded, String chatKey) {
        byte[] body;
        try {
            body = answer.body().readAllBytes();
        } catch (IOException e) {
            throw new BrokerErrorException(ProviderError.UPSTREAM_UNAVAILABLE, "answer cut off: " + e.getMessage());
        }
        Fee fee = billing.feeFor(exchange.endpoint(), exchange.contentType(), exchange.body(), body);
        String text = billing.signedText(exchange.endpoint(), exchange.body(), forwarded, body);
        settleAnswer(exchange, chatKey, fee, text);
        ServerResponse response = exchange.response();
        successHeaders(exchange, response, chatKey, answer.contentType());
        response.send(body);
    }

    private void relayStream(ProxyExchange exchange, UpstreamResponse answer, byte[] forwarded, String chatKey) {
        ServerResponse response = exchange.response();
        exchange.answeredAsStream();
        successHeaders(exchange, response, chatKey, "text/event-stream");
        response.header("Cache-Control", "no-cache");
        MessageDigest delivered = sha256();
        Optional<JsonNode> usage = Optional.empty();
        boolean complete = false;
        try (OutputStream out = response.outputStream()) {
            LineReader lines = new LineReader(answer.body());
            byte[] line;
            while ((line = lines.next()) != null) {
                String text = new String(line, StandardCharsets.UTF_8).strip();
                if (text.startsWith(":")) {
                    continue; // SSE comments and keep-alives are not relayed (nor signed)
                }
                if (text.equals("data: [DONE]")) {
                    MessageDigest whole = cloneOf(delivered);
                    whole.update(DONE);
                    String signed = HexFormat.of().formatHex(sha256().digest(forwarded)) + ":"
                            + HexFormat.of().formatHex(whole.digest());
                    settleAnswer(exchange, chatKey, billing.feeForStream(exchange.endpoint(), usage), signed);
                    out.write(DONE);
                    out.flush();
                    complete = true;
                    break;
                }
                if (text.startsWith("data:") && text.contains("\"usage\"")) {
                    Optional<JsonNode> seen = billing.usageOf(text.substring(5).strip().getBytes(StandardCharsets.UTF_8));
                    if (seen.isPresent()) {
                        usage = seen;
                    }
                }
                out.write(line);
                delivered.update(line);
                out.flush();
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.INFO, "stream " + chatKey + " cut off, not charged: " + e.getMessage());
            return;
        }
        if (!complete) {
            LOG.log(Level.INFO, "stream " + chatKey + " ended without [DONE], not charged");
        }
    }

    /**
     * Records the fee (durably) and stores the signature; only then may the answer complete. Both
     * writes are handed to the store at once, so its group commit makes them durable together
     * with one commit instead of two in turn.
     */
    private void settleAnswer(ProxyExchange exchange, String chatKey, Fee fee, String text) {
        Signature signature = signer.signText(text);
        Instant now = clock.instant();
        CompletableFuture<Void> saved = CompletableFuture.runAsync(
                () -> store.saveSignature(chatKey, text, signature, now), SIGNATURE_WRITERS);
        try {
            store.record(new FeeRecord(chatKey, exchange.user(), fee.inputFee(), fee.outputFee(), now));
        } catch (RuntimeException e) {
            saved.exceptionally(ignored -> null).join(); // leave no write running behind a failed answer
            throw e;
        }
        try {
            saved.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        exchange.charged(fee);
    }

    private void successHeaders(ProxyExchange exchange, ServerResponse response, String chatKey, String contentType) {
        response.status(200);
        response.header("Content-Type", contentType);
        response.header("ZG-Res-Key", chatKey);
        response.header("provider", provider.hex());
        response.header("X-Accel-Buffering", "no");
        exchange.successHeaders().forEach(response::header);
    }

    private static void passThrough(UpstreamResponse answer, ServerResponse response) {
        byte[] body;
        try {
            body = answer.body().readAllBytes();
        } catch (IOException e) {
            body = new byte[0];
        }
        response.status(answer.status());
        if (!answer.contentType().isEmpty()) {
            response.header("Content-Type", answer.contentType());
        }
        response.send(body);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static MessageDigest cloneOf(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 digest is cloneable", e);
        }
    }

    /** Splits a byte stream at '\n', keeping the terminator, without decoding. */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buffer = new byte[8192];
        private int start;
        private int end;

        LineReader(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            java.io.ByteArrayOutputStream line = null;
            while (true) {
                for (int i = start; i < end; i++) {
                    if (buffer[i] == '\n') {
                        byte[] piece = java.util.Arrays.copyOfRange(buffer, start, i + 1);
                        start = i + 1;
                        if (line == null) {
                            return piece;
                        }
                        line.write(piece);
                        return line.toByteArray();
                    }
                }
                if (end > start) {
                    if (line == null) {
                        line = new java.io.ByteArrayOutputStream();
                    }
                    line.write(buffer, start, end - start);
                }
                start = 0;
                end = in.read(buffer);
                if (end < 0) {
                    end = 0;
                    return line == null || line.size() == 0 ? null : line.toByteArray();
                }
            }
        }
    }
}
