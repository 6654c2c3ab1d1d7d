package ai.zerog.compute.chain;

import java.math.BigInteger;
import java.util.HexFormat;

/** 0x-hex helpers for JSON-RPC quantities and data. */
final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    static String encode(byte[] bytes) {
        return "0x" + HEX.formatHex(bytes);
    }

    static byte[] decode(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.length() % 2 != 0) {
            digits = "0" + digits;
        }
        return HEX.parseHex(digits);
    }

    static String quantity(BigInteger value) {
        return "0x" + value.toString(16);
    }

    static BigInteger toBigInteger(String quantity) {
        String digits = quantity.startsWith("0x") ? quantity.substring(2) : quantity;
        return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
    }
}
