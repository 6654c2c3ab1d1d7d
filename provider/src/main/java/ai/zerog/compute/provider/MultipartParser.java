package ai.zerog.compute.provider;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits one {@code multipart/form-data} body into {@link MultipartPart}s for
 * {@link MultipartForm}. Walks the body once; {@code pos} always points just after a delimiter.
 */
final class MultipartParser {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    private final byte[] body;
    private final byte[] firstDelimiter;
    private final byte[] delimiter;
    private int pos;

    MultipartParser(byte[] body, String boundary) {
        this.body = body;
        this.firstDelimiter = ("--" + boundary).getBytes(StandardCharsets.UTF_8);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.UTF_8);
    }

    List<MultipartPart> parts() {
        if (startsWith(0, firstDelimiter)) {
            pos = firstDelimiter.length;
        } else {
            int found = indexOf(delimiter, 0);
            if (found < 0) {
                throw new MultipartFormException("multipart body does not contain its boundary");
            }
            pos = found + delimiter.length;
        }
        List<MultipartPart> parts = new ArrayList<>();
        while (!startsWith(pos, new byte[] {'-', '-'})) {
            skipLinearWhitespace();
            if (!startsWith(pos, CRLF)) {
                throw new MultipartFormException("multipart boundary line at byte " + pos + " is not followed by CRLF");
            }
            parts.add(part(pos + CRLF.length));
        }
        return parts;
    }

    private MultipartPart part(int start) {
        int contentStart;
        String headers;
        if (startsWith(start, CRLF)) {
            headers = "";
            contentStart = start + CRLF.length;
        } else {
            int headersEnd = indexOf(HEADERS_END, start);
            if (headersEnd < 0) {
                throw new MultipartFormException("multipart part at byte " + start + " has unterminated headers");
            }
            headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            contentStart = headersEnd + HEADERS_END.length;
        }
        int contentEnd = indexOf(delimiter, contentStart);
        if (contentEnd < 0) {
            throw new MultipartFormException("multipart body is missing its closing boundary (truncated?)");
        }
        pos = contentEnd + delimiter.length;
        return toPart(headers, Arrays.copyOfRange(body, contentStart, contentEnd));
    }

    private static MultipartPart toPart(String headers, byte[] content) {
        HeaderParams disposition = null;
        Optional<String> contentType = Optional.empty();
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-disposition")) {
                disposition = HeaderParams.parse(value);
            } else if (name.equals("content-type")) {
                contentType = Optional.of(value);
            }
        }
        if (disposition == null || !disposition.value().equalsIgnoreCase("form-data")) {
            throw new MultipartFormException("multipart part has no 'Content-Disposition: form-data' header");
        }
        String fieldName = disposition.params().get("name");
        if (fieldName == null) {
            throw new MultipartFormException("multipart part has no name in its Content-Disposition");
        }
        return new MultipartPart(fieldName, filename(disposition), contentType, content);
    }

    private static Optional<String> filename(HeaderParams disposition) {
        String plain = disposition.params().get("filename");
        if (plain != null) {
            return Optional.of(plain);
        }
        String extended = disposition.params().get("filename*");
        if (extended != null && extended.toLowerCase(Locale.ROOT).startsWith("utf-8''")) {
            String encoded = extended.substring("utf-8''".length()).replace("+", "%2B");
            return Optional.of(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    private void skipLinearWhitespace() {
        while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t')) {
            pos++;
        }
    }

    private boolean startsWith(int at, byte[] prefix) {
        return at + prefix.length <= body.length
                && Arrays.equals(body, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private int indexOf(byte[] needle, int from) {
        byte first = needle[0];
        for (int i = from, last = body.length - needle.length; i <= last; i++) {
            if (body[i] == first && startsWith(i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
