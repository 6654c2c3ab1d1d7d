package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.Signatures;
import ai.zerog.compute.core.WalletSigner;
import java.util.Objects;
import java.util.Optional;

/**
 * An external {@link WalletSigner} held to its word: a session-token signature that does not
 * recover to the wallet, or a signer that fails, becomes an {@link SdkException} here rather than
 * a refusal by the provider later. Transaction digests pass through: the transaction sender
 * checks those itself.
 */
final class CheckedWalletSigner implements WalletSigner {
    private final WalletSigner signer;
    private final Address address;

    CheckedWalletSigner(WalletSigner signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.address = Objects.requireNonNull(signer.address(), "the signer's address");
    }

    @Override
    public Address address() {
        return address;
    }

    @Override
    public Signature signDigest(Hash32 digest) {
        return signer.signDigest(digest);
    }

    @Override
    public Signature signPersonalMessage(byte[] message) {
        Signature signature;
        try {
            signature = Objects.requireNonNull(signer.signPersonalMessage(message.clone()), "no signature returned");
        } catch (RuntimeException e) {
            throw new SdkException("the wallet signer for " + address.checksummed() + " did not sign the session token ("
                    + e.getMessage() + "); no request was sent: check the wallet and retry", e);
        }
        Optional<Address> recovered = Signatures.recoverPersonalMessage(message, signature);
        if (!recovered.equals(Optional.of(address))) {
            throw new SdkException("the wallet signer for " + address.checksummed() + " returned a session-token"
                    + " signature that recovers to " + recovered.map(Address::checksummed).orElse("no address")
                    + "; it must personal_sign (EIP-191) the 32 raw bytes it is given with the wallet's own key");
        }
        return signature;
    }

    @Override
    public String toString() {
        return "CheckedWalletSigner[" + address + "]";
    }
}
