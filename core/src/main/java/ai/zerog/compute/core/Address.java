package ai.zerog.compute.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A 20-byte Ethereum account address. Parsing is strict: mixed-case input must carry a valid
 * EIP-55 checksum, so a typo in a pasted address is refused instead of sending funds astray.
 * Equality ignores how the input was cased.
 */
public final class Address implements Comparable<Address> {

    public static final int LENGTH = 20;
    public static final Address ZERO = new Address(new byte[LENGTH]);

    private final byte[] bytes;

    private Address(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Parses {@code 0x} + 40 hex digits: all-lowercase, all-uppercase, or EIP-55 checksummed. */
    public static Address of(String text) {
        Address address = new Address(Hex.decodePrefixed(text, LENGTH, "address"));
        String digits = text.substring(2);
        boolean singleCase = digits.equals(digits.toLowerCase()) || digits.equals(digits.toUpperCase());
        if (!singleCase && !digits.equals(address.checksummed().substring(2))) {
            throw new CoreException("invalid address '" + text + "': mixed case fails the EIP-55 checksum"
                    + " (expected " + address.checksummed() + ")");
        }
        return address;
    }

    public static Address fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new CoreException("address needs exactly 20 bytes, got " + bytes.length);
        }
        return new Address(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lowercase {@code 0x}-prefixed hex, the form the official broker and SDK compare. */
    public String hex() {
        return Hex.encodePrefixed(bytes);
    }

    /** EIP-55 mixed-case form: a letter is uppercased where the keccak of the lowercase hex has a nibble >= 8. */
    public String checksummed() {
        String lower = hex().substring(2);
        byte[] hash = Hash32.keccak256(lower.getBytes(StandardCharsets.US_ASCII)).bytes();
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            char c = lower.charAt(i);
            out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    @Override
    public int compareTo(Address other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return checksummed();
    }
}
