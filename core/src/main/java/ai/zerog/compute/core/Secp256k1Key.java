package ai.zerog.compute.core;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * A secp256k1 private key with its Ethereum address. Signatures are deterministic (RFC 6979, via
 * web3j) and canonical low-s, so OpenZeppelin {@code tryRecover} accepts them. {@link #toString()}
 * shows only the address; the key itself never appears in messages.
 */
public final class Secp256k1Key {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ECKeyPair keyPair;
    private final Address address;

    private Secp256k1Key(BigInteger privateKey) {
        if (privateKey.signum() <= 0 || privateKey.compareTo(Curve.N) >= 0) {
            // No value in the message: it would be (a fragment of) a secret.
            throw new CoreException("private key is out of range for secp256k1");
        }
        this.keyPair = ECKeyPair.create(privateKey);
        this.address = Signatures.addressOf(keyPair.getPublicKey());
    }

    /** Parses 64 hex digits, with or without a {@code 0x} prefix. */
    public static Secp256k1Key fromHex(String privateKeyHex) {
        Objects.requireNonNull(privateKeyHex, "privateKeyHex");
        String digits = privateKeyHex.startsWith("0x") ? privateKeyHex.substring(2) : privateKeyHex;
        if (digits.length() != 64 || !Hex.isHexDigits(digits, 0)) {
            throw new CoreException("private key must be 64 hex digits (optionally 0x-prefixed), got "
                    + digits.length() + " characters" + (Hex.isHexDigits(digits, 0) ? "" : " with non-hex content"));
        }
        return new Secp256k1Key(new BigInteger(digits, 16));
    }

    public static Secp256k1Key random() {
        while (true) {
            BigInteger candidate = new BigInteger(256, RANDOM);
            if (candidate.signum() > 0 && candidate.compareTo(Curve.N) < 0) {
                return new Secp256k1Key(candidate);
            }
        }
    }

    public Address address() {
        return address;
    }

    /** Signs a 32-byte digest as is, with no prefix (EIP-712 settlement). */
    public Signature signDigest(Hash32 digest) {
        Sign.SignatureData data = Sign.signMessage(digest.bytes(), keyPair, false);
        return Signature.fromComponents(
                new BigInteger(1, data.getR()), new BigInteger(1, data.getS()), data.getV()[0] & 0xFF);
    }

    /** Signs {@code EIP-191(message)} (the {@code personal_sign} form used for responses and session tokens). */
    public Signature signPersonalMessage(byte[] message) {
        return signDigest(Signatures.personalMessageHash(message));
    }

    /** The raw private key. Secret: never log, print or put it in an exception message. */
    public BigInteger privateKey() {
        return keyPair.getPrivateKey();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secp256k1Key other && keyPair.getPrivateKey().equals(other.keyPair.getPrivateKey());
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    @Override
    public String toString() {
        return "Secp256k1Key[" + address + "]";
    }
}
