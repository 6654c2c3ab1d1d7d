package ai.zerog.compute.provider;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a header value such as {@code multipart/form-data; boundary="x"} or
 * {@code form-data; name="file"; filename="a;b.wav"} into its leading value and its parameters
 * (names lower-cased, quoted strings unquoted, semicolons inside quotes kept).
 */
record HeaderParams(String value, Map<String, String> params) {
    static HeaderParams parse(String header) {
        int end = nextSemicolon(header, 0);
        String value = header.substring(0, end).trim();
        Map<String, String> params = new LinkedHashMap<>();
        int pos = end + 1;
        while (pos < header.length()) {
            int next = nextSemicolon(header, pos);
            String item = header.substring(pos, next).trim();
            int eq = item.indexOf('=');
            if (eq > 0) {
                String name = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                params.putIfAbsent(name, unquote(item.substring(eq + 1).trim()));
            }
            pos = next + 1;
        }
        return new HeaderParams(value, Map.copyOf(params));
    }

    private static int nextSemicolon(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return s.length();
    }

    private static String unquote(String s) {
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() - 1) {
                c = s.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
