package ai.zerog.compute.core;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Sign;

/**
 * Signer recovery with the same acceptance rules as OpenZeppelin {@code ECDSA.tryRecover}: a
 * high-s, zero or out-of-range signature recovers nothing rather than a wrong address.
 */
public final class Signatures {

    private static final byte[] PERSONAL_PREFIX = "\u0019Ethereum Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

    private Signatures() {}

    /** The address that signed {@code digest} (no prefix), or empty if the signature is not acceptable. */
    public static Optional<Address> recoverDigest(Hash32 digest, Signature signature) {
        Objects.requireNonNull(digest, "digest");
        BigInteger r = signature.r();
        BigInteger s = signature.s();
        if (r.signum() == 0 || r.compareTo(Curve.N) >= 0 || s.signum() == 0 || s.compareTo(Curve.HALF_N) > 0) {
            return Optional.empty();
        }
        BigInteger publicKey;
        try {
            publicKey = Sign.recoverFromSignature(signature.v() - 27, new ECDSASignature(r, s), digest.bytes());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // r is not the x-coordinate of a curve point
        }
        return Optional.ofNullable(publicKey).map(Signatures::addressOf);
    }

    /** {@code keccak256("\x19Ethereum Signed Message:\n" ‖ decimal(len(message)) ‖ message)} (EIP-191 version 0x45). */
    public static Hash32 personalMessageHash(byte[] message) {
        Objects.requireNonNull(message, "message");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PERSONAL_PREFIX);
        out.writeBytes(Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(message);
        return Hash32.keccak256(out.toByteArray());
    }

    public static Optional<Address> recoverPersonalMessage(byte[] message, Signature signature) {
        return recoverDigest(personalMessageHash(message), signature);
    }

    /** Address = last 20 bytes of keccak256 of the 64-byte uncompressed public key (x ‖ y). */
    static Address addressOf(BigInteger publicKey) {
        byte[] raw = publicKey.toByteArray();
        byte[] xy = new byte[64];
        int len = Math.min(raw.length, 64);
        System.arraycopy(raw, raw.length - len, xy, 64 - len, len);
        byte[] hash = Hash32.keccak256(xy).bytes();
        return Address.fromBytes(Arrays.copyOfRange(hash, 12, 32));
    }
}
