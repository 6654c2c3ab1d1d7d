package ai.zerog.compute.provider;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A response body read straight off its connection: by length, chunked, or until the server
 * closes. A read that waits longer than the idle timeout fails with {@link HttpTimeoutException}
 * and drops the connection. Closing hands the connection back for reuse when the body has ended,
 * or when its end has already arrived (a stream relayed up to {@code [DONE]} leaves just the last
 * chunk behind); otherwise it drops the connection, which aborts the exchange upstream.
 */
final class Http1Body extends InputStream {
    /** How long closing waits for the rest of a body whose end has begun to arrive. */
    private static final int FINISH_MILLIS = 20;
    private static final int MAX_FINISH_BYTES = 64 * 1024;

    private final Http1Connection connection;
    private final InputStream in;
    private final Http1Framing.Kind framing;
    private final boolean keepAlive;
    private final Consumer<Http1Connection> reuse;
    private final URI uri;
    private final Duration idleTimeout;
    /** Bytes left: of the body (LENGTH) or of the current chunk (CHUNKED). */
    private long remaining;
    private boolean chunkEndPending;
    private boolean ended;
    private boolean closed;
    private IOException failure;

    Http1Body(Http1Connection connection, Http1Framing framing, Consumer<Http1Connection> reuse, URI uri,
              Duration idleTimeout) {
        this.connection = connection;
        this.in = connection.in();
        this.framing = framing.kind();
        this.remaining = framing.kind() == Http1Framing.Kind.LENGTH ? framing.length() : 0;
        this.keepAlive = framing.keepAlive() && framing.kind() != Http1Framing.Kind.UNTIL_CLOSE;
        this.reuse = reuse;
        this.uri = uri;
        this.idleTimeout = idleTimeout;
        this.ended = framing.kind() == Http1Framing.Kind.NONE
                || (framing.kind() == Http1Framing.Kind.LENGTH && remaining == 0);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (closed) {
            throw new IOException("upstream response body from " + uri + " was closed");
        }
        if (failure != null) {
            throw failure;
        }
        if (length == 0) {
            return 0;
        }
        try {
            return next(buffer, offset, length);
        } catch (SocketTimeoutException e) {
            connection.close();
            throw failure = new HttpTimeoutException("upstream " + uri + " sent no bytes for " + idleTimeout
                    + " (idleTimeout); request aborted");
        } catch (IOException e) {
            connection.close();
            throw failure = new IOException("reading upstream " + uri + " failed: " + e, e);
        }
    }

    @Override
    public int available() throws IOException {
        if (closed || failure != null || ended) {
            return 0;
        }
        // only what is already buffered (no system call): a relay asks this between every two chunks
        if (framing == Http1Framing.Kind.CHUNKED && remaining == 0) {
            return connection.bufferedLineAndMore(chunkEndPending ? 2 : 0) ? 1 : 0; // the next chunk came along
        }
        int buffered = connection.buffered();
        return framing == Http1Framing.Kind.UNTIL_CLOSE ? buffered : (int) Math.min(buffered, remaining);
    }

    /** Reuses the connection if the body has ended (or its end is already here), else drops it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!ended && failure == null && keepAlive) {
            finishIfArrived();
        }
        if (ended && failure == null && keepAlive) {
            reuse.accept(connection);
        } else {
            connection.close();
        }
    }

    private int next(byte[] buffer, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        switch (framing) {
            case LENGTH -> {
                int n = in.read(buffer, offset, (int) Math.min(length, remaining));
                if (n < 0) {
                    throw new EOFException("connection closed with " + remaining + " bytes of the body missing");
                }
                remaining -= n;
                ended = remaining == 0;
                return n;
            }
            case CHUNKED -> {
                if (remaining == 0 && !nextChunk()) {
                    return -1;
                }
                int n = in.read(buffer, offset, (int) Math.min(length, remaining));
                if (n < 0) {
                    throw new EOFException("connection closed in the middle of a chunk");
                }
                remaining -= n;
                chunkEndPending = remaining == 0;
                return n;
            }
            case UNTIL_CLOSE -> {
                int n = in.read(buffer, offset, length);
                ended = n < 0;
                return n;
            }
            default -> {
                return -1;
            }
        }
    }

    /** Reads the next chunk's size line (after the CRLF ending the last chunk); false at the last chunk. */
    private boolean nextChunk() throws IOException {
        if (chunkEndPending) {
            if (!line().isEmpty()) {
                throw new IOException("chunk data longer than its declared size");
            }
            chunkEndPending = false;
        }
        String size = line();
        int extension = size.indexOf(';');
        String hex = (extension >= 0 ? size.substring(0, extension) : size).strip();
        try {
            remaining = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunk size '" + hex + "'");
        }
        if (remaining < 0) {
            throw new IOException("malformed chunk size '" + hex + "'");
        }
        if (remaining == 0) {
            while (!line().isEmpty()) {
                // trailer fields: nothing we relay
            }
            ended = true;
            return false;
        }
        return true;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the middle of the chunked body");
            }
            if (b == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                return line.substring(0, end);
            }
            if (line.length() > 4096) {
                throw new IOException("chunk line longer than 4096 bytes");
            }
            line.append((char) b);
        }
    }

    /**
     * Reads the rest of the body when some of it has arrived, waiting at most {@link #FINISH_MILLIS}
     * for more: the last chunk of a stream read up to {@code [DONE]} is normally already here.
     */
    private void finishIfArrived() {
        try {
            if (in.available() == 0) {
                return;
            }
            connection.idleTimeout(FINISH_MILLIS);
            byte[] skip = new byte[4096];
            long skipped = 0;
            while (!ended && skipped <= MAX_FINISH_BYTES) {
                int n = next(skip, 0, skip.length);
                skipped += Math.max(n, 0);
            }
        } catch (IOException e) {
            failure = e; // the connection is dropped
        }
    }
}
