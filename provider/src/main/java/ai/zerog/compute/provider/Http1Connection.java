package ai.zerog.compute.provider;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection to the upstream, used by one exchange at a time on the caller's
 * thread: writes a request in one go and reads the response head; {@link Http1Body} reads the
 * body. Read timeouts (the socket's) are the idle timeout.
 */
final class Http1Connection implements AutoCloseable {
    private static final int BUFFER = 16 * 1024;
    private static final int MAX_HEAD = 64 * 1024;

    /** A response's status line and headers (names lower-case, pseudo-headers never occur in HTTP/1.1). */
    record Head(String version, int status, Map<String, List<String>> headers) {
    }

    private final Socket socket;
    private final Input in;
    private final OutputStream out;
    private long idleSince;
    private boolean responseStarted;

    Http1Connection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new Input(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
    }

    InputStream in() {
        return in;
    }

    /** How many bytes already read off the socket wait here: reading them cannot block. */
    int buffered() {
        return in.limit - in.position;
    }

    /**
     * Whether the bytes waiting here, past the first {@code skip}, hold a whole line and at least
     * one byte after it (e.g. the next chunk's size line and the start of its data).
     */
    boolean bufferedLineAndMore(int skip) {
        for (int i = in.position + skip; i < in.limit; i++) {
            if (in.buffer[i] == '\n') {
                return i + 1 < in.limit;
            }
        }
        return false;
    }

    void idleTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** Sends {@code head} (the request line and headers, each line ending CRLF, without the blank line) and the body. */
    void write(String head, byte[] body) throws IOException {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write('\r');
        out.write('\n');
        out.write(body);
        out.flush();
    }

    /**
     * The next response head, skipping informational (1xx) ones. {@link EOFException} when the
     * connection ends before the first byte: a pooled connection the server had closed.
     */
    Head readHead() throws IOException {
        responseStarted = false;
        while (true) {
            String statusLine = line(true);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !isStatusCode(parts[1])) {
                throw new IOException("not an HTTP/1.x status line: '" + printable(statusLine) + "'");
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line = line(false); !line.isEmpty(); line = line(false)) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed response header line: '" + printable(line) + "'");
                }
                headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            if (status >= 200 || status == 101) {
                headers.replaceAll((name, values) -> List.copyOf(values));
                return new Head(parts[0], status, Collections.unmodifiableMap(headers));
            }
        }
    }

    /** Three digits, checked without a regular expression (compiled anew on every call). */
    private static boolean isStatusCode(String text) {
        return text.length() == 3 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Whether any byte of the response arrived; if not, a pooled connection may just have been stale. */
    boolean responseStarted() {
        return responseStarted;
    }

    long idleSince() {
        return idleSince;
    }

    void markIdle(long nanoTime) {
        idleSince = nanoTime;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }

    /** One line without its CRLF (or bare LF), as ISO-8859-1. */
    private String line(boolean first) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b >= 0) {
                responseStarted = true;
            }
            if (b < 0) {
                if (first && line.size() == 0) {
                    throw new EOFException("connection closed before a response");
                }
                throw new EOFException("connection closed in the middle of the response head");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_HEAD) {
                throw new IOException("response head longer than " + MAX_HEAD + " bytes");
            }
            line.write(b);
        }
    }

    /** A buffered socket input without locks: one thread reads at a time. */
    private static final class Input extends InputStream {
        private final InputStream socket;
        private final byte[] buffer = new byte[BUFFER];
        private int position;
        private int limit;

        Input(InputStream socket) {
            this.socket = socket;
        }

        @Override
        public int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            java.util.Objects.checkFromIndexSize(offset, length, target.length);
            if (length == 0) {
                return 0;
            }
            if (position == limit) {
                if (length >= buffer.length) {
                    return socket.read(target, offset, length);
                }
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return limit - position + socket.available();
        }

        private boolean fill() throws IOException {
            int n = socket.read(buffer, 0, buffer.length);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }
    }

    private static String printable(String text) {
        String cut = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
