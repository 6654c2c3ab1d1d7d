package ai.zerog.compute.devnet;

import java.math.BigInteger;
import java.util.Optional;

/** Just enough JSON reading for JSON-RPC answers: raw member values, strings and hex quantities. */
final class JsonText {

    private final String text;
    private int pos;

    private JsonText(String text) {
        this.text = text;
    }

    /** The raw JSON text of member {@code name} of the object {@code objectJson}. */
    static Optional<String> member(String objectJson, String name) {
        JsonText reader = new JsonText(objectJson);
        reader.skipSpace();
        reader.expect('{');
        reader.skipSpace();
        if (reader.peek() == '}') {
            return Optional.empty();
        }
        while (true) {
            reader.skipSpace();
            String key = reader.readString();
            reader.skipSpace();
            reader.expect(':');
            reader.skipSpace();
            int start = reader.pos;
            reader.skipValue();
            if (key.equals(name)) {
                return Optional.of(objectJson.substring(start, reader.pos));
            }
            reader.skipSpace();
            char next = reader.next();
            if (next == '}') {
                return Optional.empty();
            }
            if (next != ',') {
                throw reader.malformed("expected ',' or '}'");
            }
        }
    }

    /** Decodes a raw JSON string such as {@code "0x1f"}. */
    static String string(String rawJson) {
        JsonText reader = new JsonText(rawJson.strip());
        String value = reader.readString();
        if (reader.pos != reader.text.length()) {
            throw reader.malformed("expected a single string");
        }
        return value;
    }

    /** Decodes a raw JSON hex quantity such as {@code "0x1f"}. */
    static BigInteger quantity(String rawJson) {
        String hex = string(rawJson);
        if (!hex.startsWith("0x") || hex.length() < 3) {
            throw new DevnetException("expected a 0x hex quantity, got " + rawJson);
        }
        return new BigInteger(hex.substring(2), 16);
    }

    /** Encodes {@code value} as a JSON string literal. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private void skipValue() {
        char c = peek();
        if (c == '"') {
            readString();
        } else if (c == '{' || c == '[') {
            skipContainer();
        } else {
            int start = pos;
            while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            if (pos == start) {
                throw malformed("expected a value");
            }
        }
    }

    private void skipContainer() {
        int depth = 0;
        do {
            char c = peek();
            if (c == '"') {
                readString();
                continue;
            }
            pos++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    private String readString() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw malformed("truncated \\u escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> out.append(escaped);
            }
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void expect(char expected) {
        if (next() != expected) {
            throw malformed("expected '" + expected + "'");
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw malformed("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private DevnetException malformed(String problem) {
        String excerpt = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new DevnetException("malformed JSON at offset " + pos + " (" + problem + "): " + excerpt);
    }
}
