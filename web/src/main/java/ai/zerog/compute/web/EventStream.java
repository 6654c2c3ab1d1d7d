package ai.zerog.compute.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@code text/event-stream} answer: named events with one JSON object each, flushed as written
 * so the page sees progress as it happens. A page that went away (stopped, closed, reloaded) surfaces
 * as {@link UncheckedIOException}, which the streaming handlers let through so they stop at once.
 */
final class EventStream implements AutoCloseable {
    private final OutputStream out;

    private EventStream(OutputStream out) {
        this.out = out;
    }

    static EventStream open(ServerResponse response) {
        response.status(200)
                .header("Content-Type", "text/event-stream; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("X-Accel-Buffering", "no");
        return new EventStream(response.outputStream());
    }

    synchronized void send(String event, JsonNode data) {
        write("event: " + event + "\ndata: " + Json.write(data) + "\n\n");
    }

    /** A comment line: keeps idle connections open and detects pages that left. */
    synchronized void ping() {
        write(": ping\n\n");
    }

    private void write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the page closed the event stream", e);
        } catch (CloseConnectionException e) {
            // Helidon's way of saying the socket is gone (a stopped or closed page)
            throw new UncheckedIOException("the page closed the event stream", new IOException(e.getMessage(), e));
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException | RuntimeException gone) {
            // the page left; nothing to tell it
        }
    }
}
