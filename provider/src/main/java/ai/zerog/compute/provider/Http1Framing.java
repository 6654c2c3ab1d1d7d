package ai.zerog.compute.provider;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * How a response body ends (RFC 9112 §6.3: no body, a length, chunks, or the connection's end)
 * and whether its connection may carry the next exchange (§9.3).
 */
record Http1Framing(Kind kind, long length, boolean keepAlive) {
    enum Kind { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    static Http1Framing of(Http1Connection.Head head) throws IOException {
        boolean keepAlive = keepAlive(head);
        int status = head.status();
        if (status < 200 || status == 204 || status == 304) {
            return new Http1Framing(Kind.NONE, 0, keepAlive);
        }
        List<String> encodings = head.headers().get("transfer-encoding");
        if (encodings != null) {
            String[] codings = encodings.getLast().split(",");
            return codings[codings.length - 1].strip().equalsIgnoreCase("chunked")
                    ? new Http1Framing(Kind.CHUNKED, -1, keepAlive) : new Http1Framing(Kind.UNTIL_CLOSE, -1, false);
        }
        List<String> lengths = head.headers().get("content-length");
        return lengths == null ? new Http1Framing(Kind.UNTIL_CLOSE, -1, false)
                : new Http1Framing(Kind.LENGTH, contentLength(lengths), keepAlive);
    }

    /** One length, possibly repeated ("10, 10"); differing or negative ones are refused. */
    private static long contentLength(List<String> values) throws IOException {
        long length = -1;
        for (String value : values) {
            for (String part : value.split(",")) {
                long parsed;
                try {
                    parsed = Long.parseLong(part.strip());
                } catch (NumberFormatException e) {
                    throw new IOException("malformed Content-Length '" + value + "'");
                }
                if (parsed < 0 || (length >= 0 && parsed != length)) {
                    throw new IOException("malformed Content-Length '" + value + "'");
                }
                length = parsed;
            }
        }
        return length;
    }

    private static boolean keepAlive(Http1Connection.Head head) {
        if (!head.version().equals("HTTP/1.1")) {
            return false;
        }
        for (String value : head.headers().getOrDefault("connection", List.of())) {
            for (String token : value.split(",")) {
                if (token.strip().toLowerCase(Locale.ROOT).equals("close")) {
                    return false;
                }
            }
        }
        return true;
    }
}
