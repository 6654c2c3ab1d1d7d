package ai.zerog.compute.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * The dev model's tokenizer, simple enough to count by hand: a token is a maximal run of
 * letters and digits (Unicode), or any other single non-whitespace character; whitespace only
 * separates tokens. {@code "Hello, world!"} is 4 tokens: {@code Hello , world !}.
 */
final class DevTokenizer {
    private DevTokenizer() {
    }

    static int count(String text) {
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (Character.isWhitespace(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            i = tokenEnd(text, i);
            count++;
        }
        return count;
    }

    /**
     * Splits {@code text} into one piece per token, each piece carrying the whitespace before
     * its token (trailing whitespace joins the last piece), so the pieces concatenate back to
     * {@code text}. Streaming sends one piece per chunk.
     */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (Character.isWhitespace(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            i = tokenEnd(text, i);
            pieces.add(text.substring(start, i));
            start = i;
        }
        if (start < text.length()) {
            if (pieces.isEmpty()) {
                pieces.add(text.substring(start));
            } else {
                pieces.set(pieces.size() - 1, pieces.getLast() + text.substring(start));
            }
        }
        return pieces;
    }

    private static int tokenEnd(String text, int start) {
        int cp = text.codePointAt(start);
        int i = start + Character.charCount(cp);
        if (!Character.isLetterOrDigit(cp)) {
            return i;
        }
        while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }
}
