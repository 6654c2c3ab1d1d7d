package ai.zerog.compute.core;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** Solidity {@code abi.encode} of static 32-byte words, which is all EIP-712 hashing here needs. */
final class AbiWords {

    private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    AbiWords add(Hash32 word) {
        out.writeBytes(word.bytes());
        return this;
    }

    AbiWords add(Address address) {
        out.writeBytes(new byte[12]);
        out.writeBytes(address.bytes());
        return this;
    }

    AbiWords add(BigInteger value, String what) {
        out.writeBytes(uint256(value, what));
        return this;
    }

    Hash32 keccak256() {
        return Hash32.keccak256(out.toByteArray());
    }

    /** Big-endian 32-byte word; refuses negatives and values of 2^256 or more. */
    static byte[] uint256(BigInteger value, String what) {
        checkUint256(value, what);
        byte[] raw = value.toByteArray();
        byte[] word = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, word, 32 - len, len);
        return word;
    }

    static BigInteger checkUint256(BigInteger value, String what) {
        if (value == null || value.signum() < 0 || value.compareTo(UINT256_LIMIT) >= 0) {
            throw new CoreException(what + " " + value + " is not a uint256");
        }
        return value;
    }
}
