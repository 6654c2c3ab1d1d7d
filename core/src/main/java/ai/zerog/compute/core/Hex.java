package ai.zerog.compute.core;

import java.util.HexFormat;

/** Strict 0x-hex parsing shared by the value types; never trims or pads. */
final class Hex {

    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {}

    /** Decodes {@code 0x} followed by exactly {@code byteLength * 2} hex digits of either case. */
    static byte[] decodePrefixed(String text, int byteLength, String what) {
        if (text == null) {
            throw new CoreException(what + " must not be null");
        }
        if (!text.startsWith("0x") || text.length() != 2 + byteLength * 2 || !isHexDigits(text, 2)) {
            throw new CoreException(
                    "invalid " + what + " '" + text + "': expected 0x followed by " + byteLength * 2 + " hex digits");
        }
        return LOWER.parseHex(text, 2, text.length());
    }

    static boolean isHexDigits(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    static String encodePrefixed(byte[] bytes) {
        return "0x" + LOWER.formatHex(bytes);
    }
}
