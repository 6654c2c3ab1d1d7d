package ai.zerog.compute.core;

/** {@link WalletSigner} over an in-memory key; {@link #toString()} shows the address only. */
final class KeySigner implements WalletSigner {
    private final Secp256k1Key key;

    KeySigner(Secp256k1Key key) {
        this.key = key;
    }

    @Override
    public Address address() {
        return key.address();
    }

    @Override
    public Signature signDigest(Hash32 digest) {
        return key.signDigest(digest);
    }

    @Override
    public Signature signPersonalMessage(byte[] message) {
        return key.signPersonalMessage(message);
    }

    @Override
    public String toString() {
        return "WalletSigner[" + key.address() + "]";
    }
}
