package ai.zerog.compute.cli.serve;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code model} field of a multipart/form-data body (image edits, transcriptions): read it,
 * or add it before the closing boundary when the client left it out. Everything else passes
 * through byte for byte.
 */
final class MultipartModel {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern MODEL_PART = Pattern.compile(
            "content-disposition:\\s*form-data;[^\\r\\n]*\\bname=\"?model\"?(?:[;\\s]|$)", Pattern.CASE_INSENSITIVE);

    private MultipartModel() {
    }

    static boolean isMultipart(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The text of the {@code model} part, if the form has one. */
    static Optional<String> model(String contentType, byte[] body) {
        byte[] delimiter = delimiter(contentType);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0 && !isClosing(body, at + delimiter.length)) {
            int headersStart = at + delimiter.length + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
            if (headersStart > body.length || headersEnd < 0) {
                return Optional.empty();
            }
            int next = indexOf(body, concat("\r\n".getBytes(StandardCharsets.US_ASCII), delimiter), headersEnd);
            if (next < 0) {
                return Optional.empty();
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
            if (MODEL_PART.matcher(headers).find()) {
                return Optional.of(new String(body, headersEnd + 4, next - headersEnd - 4, StandardCharsets.UTF_8).strip());
            }
            at = next + 2;
        }
        return Optional.empty();
    }

    /** The body with a {@code model} part holding {@code model}, unless it already has one. */
    static byte[] withModel(String contentType, byte[] body, String model) {
        if (model(contentType, body).isPresent()) {
            return body;
        }
        byte[] delimiter = delimiter(contentType);
        byte[] closing = concat(delimiter, "--".getBytes(StandardCharsets.US_ASCII));
        int close = body.length >= closing.length && Arrays.equals(body, 0, closing.length, closing, 0, closing.length)
                ? 0 : indexOf(body, concat("\r\n".getBytes(StandardCharsets.US_ASCII), closing), 0);
        if (close < 0) {
            throw ClientRequestException.invalid("the multipart body has no closing boundary");
        }
        int insertAt = close == 0 ? 0 : close + 2;
        byte[] part = (new String(delimiter, StandardCharsets.ISO_8859_1)
                + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n" + model + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] result = new byte[body.length + part.length];
        System.arraycopy(body, 0, result, 0, insertAt);
        System.arraycopy(part, 0, result, insertAt, part.length);
        System.arraycopy(body, insertAt, result, insertAt + part.length, body.length - insertAt);
        return result;
    }

    private static boolean isClosing(byte[] body, int afterDelimiter) {
        return afterDelimiter + 1 >= body.length || (body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-');
    }

    private static byte[] delimiter(String contentType) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw ClientRequestException.invalid("multipart/form-data without a boundary parameter");
        }
        String boundary = m.group(1) != null ? m.group(1) : m.group(2);
        return ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
