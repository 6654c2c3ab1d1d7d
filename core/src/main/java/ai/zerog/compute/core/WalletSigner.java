package ai.zerog.compute.core;

import java.util.Objects;

/**
 * The user's wallet as the SDK and the transaction sender need it: an address and two kinds of
 * signature. Implement it to plug in a hardware wallet, a KMS or a remote signer; use
 * {@link #of(Secp256k1Key)} for a private key held in this process.
 *
 * <p>Implementations must be thread-safe and return canonical (low-s) signatures with
 * {@code v} 27 or 28 (build them with {@link Signature#fromComponents}); callers check that every
 * signature recovers to {@link #address()} before using it.
 */
public interface WalletSigner {

    /** The address the signatures must recover to. */
    Address address();

    /**
     * Plain ECDSA over a 32-byte digest, no prefix: the keccak256 of an unsigned transaction
     * (EIP-155 legacy or EIP-1559 typed encoding).
     */
    Signature signDigest(Hash32 digest);

    /**
     * {@code personal_sign} (EIP-191) over {@code message}: used for session tokens and API keys,
     * where the message is the 32 raw bytes of the token's keccak256 (PROTOCOL.md §3.2). The
     * default signs the EIP-191 digest with {@link #signDigest}; override it when the wallet
     * prefixes messages itself.
     */
    default Signature signPersonalMessage(byte[] message) {
        return signDigest(Signatures.personalMessageHash(message));
    }

    /** A signer over a private key held in memory. */
    static WalletSigner of(Secp256k1Key key) {
        return new KeySigner(Objects.requireNonNull(key, "key"));
    }
}
