package ai.zerog.compute.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON that must match the official stack byte for byte, written by hand rather than left to
 * Jackson's choices: string quoting exactly as JavaScript {@code JSON.stringify} does it (signed
 * session tokens), and a strict reader for flat objects (string, number, boolean and null values
 * only) such as session tokens and broker error bodies. Pricing tables use Jackson ({@code PricingJson}).
 */
final class Json {

    /** Stands for a JSON {@code null} value in a parsed object (maps cannot hold Java nulls here). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /**
     * {@code JSON.stringify(text)}: escapes {@code "} and {@code \}, uses the short forms for
     * backspace, form feed, newline, carriage return and tab, {@code \}{@code u00xx} for the other
     * control characters and lone surrogates (ES2019 well-formed stringify); everything else verbatim.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(text, i)) {
                        appendUnicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Parses one JSON object whose values are all scalars. Values come back as {@link String},
     * {@link BigInteger} (integer syntax), {@link BigDecimal} (fraction or exponent), {@link Boolean}
     * or {@link #NULL}; keys keep their order. Duplicate keys, nested values and trailing text are refused.
     */
    static Map<String, Object> parseFlatObject(String text) {
        if (text == null) {
            throw new CoreException("no JSON text");
        }
        Json reader = new Json(text);
        Map<String, Object> result = reader.object();
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw reader.error("unexpected text after the JSON object");
        }
        return Collections.unmodifiableMap(result);
    }

    private Map<String, Object> object() {
        skipWhitespace();
        expect('{');
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a quoted key");
            }
            int keyAt = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = value();
            if (members.putIfAbsent(key, value) != null) {
                pos = keyAt;
                throw error("duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            char next = peek();
            pos++;
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        if (text.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return NULL;
        }
        if (c == '{' || c == '[') {
            throw error("nested objects and arrays are not allowed here");
        }
        throw error("expected a value");
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("unescaped control character in string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length() || !Hex.isHexDigits(text.substring(pos, pos + 4), 0)) {
                        throw error("bad \\u escape");
                    }
                    out.append((char) Integer.parseInt(text, pos, pos + 4, 16));
                    pos += 4;
                }
                default -> {
                    pos -= 2;
                    throw error("bad escape");
                }
            }
        }
    }

    /** JSON number grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw error("bad number");
        }
        boolean integer = true;
        if (peek() == '.') {
            pos++;
            integer = false;
            if (!digits()) {
                throw error("bad number");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            integer = false;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error("bad number");
            }
        }
        String literal = text.substring(start, pos);
        return integer ? new BigInteger(literal) : new BigDecimal(literal);
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private CoreException error(String what) {
        return new CoreException(what + " at offset " + pos);
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u")
                .append(HEX_DIGITS[(c >> 12) & 0xF])
                .append(HEX_DIGITS[(c >> 8) & 0xF])
                .append(HEX_DIGITS[(c >> 4) & 0xF])
                .append(HEX_DIGITS[c & 0xF]);
    }
}
