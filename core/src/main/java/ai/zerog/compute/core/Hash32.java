package ai.zerog.compute.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.web3j.crypto.Hash;

/** A 32-byte value (Solidity {@code bytes32}): hashes, digests, EIP-712 words. Immutable. */
public final class Hash32 implements Comparable<Hash32> {

    public static final int LENGTH = 32;
    public static final Hash32 ZERO = new Hash32(new byte[LENGTH]);

    private final byte[] bytes;

    private Hash32(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Parses {@code 0x} plus 64 hex digits (any case). */
    public static Hash32 of(String hex) {
        return new Hash32(Hex.decodePrefixed(hex, LENGTH, "bytes32"));
    }

    public static Hash32 fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new CoreException("bytes32 needs exactly 32 bytes, got " + bytes.length);
        }
        return new Hash32(bytes.clone());
    }

    public static Hash32 keccak256(byte[] data) {
        return new Hash32(Hash.sha3(Objects.requireNonNull(data, "data")));
    }

    /** Keccak-256 of the UTF-8 bytes of {@code text}. */
    public static Hash32 keccak256(String text) {
        return keccak256(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lowercase {@code 0x}-prefixed hex. */
    public String hex() {
        return Hex.encodePrefixed(bytes);
    }

    @Override
    public int compareTo(Hash32 other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash32 other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
