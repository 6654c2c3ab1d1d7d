package ai.zerog.compute.core;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * A 65-byte Ethereum ECDSA signature {@code r ‖ s ‖ v} with {@code v} in {27, 28}, the only form
 * the contracts (OpenZeppelin {@code tryRecover}) and the official SDK accept. The array is copied
 * in and out, so instances are immutable.
 */
public record Signature(byte[] bytes) {

    public static final int LENGTH = 65;

    public Signature {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new CoreException("signature needs exactly 65 bytes (r||s||v), got " + bytes.length);
        }
        int v = bytes[64] & 0xFF;
        if (v != 27 && v != 28) {
            throw new CoreException("signature v must be 27 or 28, got " + v);
        }
        bytes = bytes.clone();
    }

    /** Parses {@code 0x} + 130 hex digits. */
    public static Signature of(String hex) {
        return new Signature(Hex.decodePrefixed(hex, LENGTH, "signature"));
    }

    public static Signature fromBytes(byte[] bytes) {
        return new Signature(bytes);
    }

    /** Builds a signature from its parts, e.g. as returned by an external signer; the same checks apply. */
    public static Signature fromComponents(BigInteger r, BigInteger s, int v) {
        if (v != 27 && v != 28) {
            throw new CoreException("signature v must be 27 or 28, got " + v);
        }
        byte[] out = new byte[LENGTH];
        System.arraycopy(word(r), 0, out, 0, 32);
        System.arraycopy(word(s), 0, out, 32, 32);
        out[64] = (byte) v;
        return new Signature(out);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public BigInteger r() {
        return new BigInteger(1, Arrays.copyOfRange(bytes, 0, 32));
    }

    public BigInteger s() {
        return new BigInteger(1, Arrays.copyOfRange(bytes, 32, 64));
    }

    public int v() {
        return bytes[64] & 0xFF;
    }

    /** Lowercase {@code 0x}-prefixed hex of all 65 bytes. */
    public String hex() {
        return Hex.encodePrefixed(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }

    private static byte[] word(BigInteger value) {
        return AbiWords.uint256(value, "signature component");
    }
}
