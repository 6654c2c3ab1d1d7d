package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Fee;
import ai.zerog.compute.core.ProviderError;
import ai.zerog.compute.core.ResponseSigning;
import ai.zerog.compute.core.Signature;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
    private static final String USAGE = "\"usage\"";

    private final Upstream upstream;
    private final UpstreamBodies bodies;
    private final Billing billing;
    private final FeeStore store;
    private final TeeSigner signer;
    private final Address provider;
    private final String model;
    private final Clock clock;
    private final ImageUrls imageUrls;
    private final StoredImages images;

    UpstreamStage(Upstream upstream, UpstreamBodies bodies, Billing billing, FeeStore store, TeeSigner signer,
                  Address provider, String model, Clock clock, ImageUrls imageUrls, StoredImages images) {
        this.upstream = upstream;
        this.bodies = bodies;
        this.billing = billing;
        this.store = store;
        this.signer = signer;
        this.provider = provider;
        this.model = model;
        this.clock = clock;
        this.imageUrls = imageUrls;
        this.images = images;
    }

    @Override
    public void handle(ProxyExchange exchange) {
        byte[] forwarded = bodies.forUpstream(exchange.endpoint(), exchange.contentType(), exchange.body(), model);
        boolean imagesByUrl = isImages(exchange.endpoint()) && imageUrls.asksForUrl(exchange.contentType(), forwarded);
        if (imagesByUrl) {
            // §9.6: we keep and sign the bytes, so the upstream sends them, and the client gets our URLs
            forwarded = imageUrls.askingForBase64(exchange.contentType(), forwarded);
        }
        String chatKey = ChatKeys.next(clock);
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
                relayWhole(exchange, answer, forwarded, chatKey, imagesByUrl);
            }
        }
    }

    private void relayWhole(ProxyExchange exchange, UpstreamResponse answer, byte[] forwarded, String chatKey,
                            boolean imagesByUrl) {
        byte[] body;
        try {
            body = answer.body().readAllBytes();
        } catch (IOException e) {
            throw new BrokerErrorException(ProviderError.UPSTREAM_UNAVAILABLE, "answer cut off: " + e.getMessage());
        }
        Fee fee = billing.feeFor(exchange.endpoint(), exchange.contentType(), exchange.body(), body);
        String text = billing.signedText(exchange.endpoint(), exchange.body(), forwarded, body);
        byte[] delivered = imagesByUrl ? asUrls(exchange, body, chatKey) : body;
        settleAnswer(exchange, chatKey, fee, text);
        ServerResponse response = exchange.response();
        successHeaders(exchange, response, chatKey, answer.contentType());
        response.send(delivered);
    }

    /**
     * The answer with broker URLs instead of {@code b64_json}, its images kept under
     * {@code chatKey}; the answer as the upstream gave it when it holds no images to keep, or
     * more than the image store can hold (the client then still gets its images, inline).
     */
    private byte[] asUrls(ProxyExchange exchange, byte[] body, String chatKey) {
        List<byte[]> decoded = ResponseSigning.decodedImages(body);
        if (decoded.isEmpty()) {
            return body;
        }
        byte[] withUrls;
        try {
            withUrls = imageUrls.withUrls(body, exchange.baseUrl() + ImageUrls.PATH + chatKey + "/");
        } catch (IOException | ClassCastException e) {
            return body;
        }
        if (!images.put(chatKey, decoded, clock.instant())) {
            LOG.log(Level.WARNING, "images of " + chatKey + " exceed the image store, answered inline");
            return body;
        }
        return withUrls;
    }

    private static boolean isImages(ProxyEndpoint endpoint) {
        return endpoint == ProxyEndpoint.IMAGES_GENERATIONS || endpoint == ProxyEndpoint.IMAGES_EDITS;
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
            ByteArrayOutputStream pending = new ByteArrayOutputStream(4096);
            while (true) {
                if (!lines.hasLine() && !lines.moreArrived()) {
                    send(out, pending); // relay what has arrived before waiting for more
                }
                byte[] line = lines.next();
                if (line == null) {
                    break;
                }
                String text = new String(line, StandardCharsets.UTF_8).strip();
                if (text.startsWith(":")) {
                    continue; // SSE comments and keep-alives are not relayed (nor signed)
                }
                if (text.equals("data: [DONE]")) {
                    send(out, pending); // the client has everything before [DONE] while the answer is settled
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
                if (text.startsWith("data:") && mayCarryUsage(text)) {
                    Optional<JsonNode> seen = billing.usageOf(text.substring(5).strip().getBytes(StandardCharsets.UTF_8));
                    if (seen.isPresent()) {
                        usage = seen;
                    }
                }
                pending.write(line);
                delivered.update(line);
            }
            send(out, pending);
        } catch (IOException | UncheckedIOException | CloseConnectionException e) {
            // CloseConnectionException: Helidon's word for a client that went away mid-stream
            LOG.log(Level.INFO, "stream " + chatKey + " cut off, not charged: " + e.getMessage());
            return;
        }
        if (!complete) {
            LOG.log(Level.INFO, "stream " + chatKey + " ended without [DONE], not charged");
        }
    }

    /**
     * Records the fee and stores the signature, durably and in one commit; only then may the
     * answer complete.
     */
    private void settleAnswer(ProxyExchange exchange, String chatKey, Fee fee, String text) {
        Signature signature = signer.signText(text);
        store.recordAnswer(new FeeRecord(chatKey, exchange.user(), fee.inputFee(), fee.outputFee(), clock.instant()),
                text, signature);
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

    /**
     * Whether an event may carry a usage object, so is worth parsing: with {@code include_usage}
     * every chunk says {@code "usage":null} and only the last one has numbers.
     */
    static boolean mayCarryUsage(String text) {
        for (int at = text.indexOf(USAGE); at >= 0; at = text.indexOf(USAGE, at + 1)) {
            int i = at + USAGE.length();
            while (i < text.length() && (text.charAt(i) == ':' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            if (!text.startsWith("null", i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the lines gathered so far as one chunk and flushes: lines that arrived together leave
     * together, instead of one socket write each.
     */
    private static void send(OutputStream out, ByteArrayOutputStream pending) throws IOException {
        if (pending.size() > 0) {
            pending.writeTo(out);
            pending.reset();
            out.flush();
        }
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

        /** Whether a whole line has arrived and waits here, so the next one needs no read. */
        boolean hasLine() {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    return true;
                }
            }
            return false;
        }

        /** Whether more of the answer has arrived already (came with the last read), so reading it cannot wait. */
        boolean moreArrived() throws IOException {
            return in.available() > 0;
        }

        byte[] next() throws IOException {
            ByteArrayOutputStream line = null;
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
                        line = new ByteArrayOutputStream();
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
