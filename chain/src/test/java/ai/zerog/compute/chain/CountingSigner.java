package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.WalletSigner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a wallet integration writes: it signs for {@code wallet}'s address with a key held elsewhere
 * (a broken signer when that key is another one), and here also counts the calls. Shared by the
 * chain and SDK tests through chain's test-jar.
 */
public final class CountingSigner implements WalletSigner {
    public final AtomicInteger digests = new AtomicInteger();
    public final AtomicInteger messages = new AtomicInteger();
    private final Address wallet;
    private final Secp256k1Key signingKey;

    public CountingSigner(Address wallet, Secp256k1Key signingKey) {
        this.wallet = wallet;
        this.signingKey = signingKey;
    }

    @Override
    public Address address() {
        return wallet;
    }

    @Override
    public Signature signDigest(Hash32 digest) {
        digests.incrementAndGet();
        return signingKey.signDigest(digest);
    }

    @Override
    public Signature signPersonalMessage(byte[] message) {
        messages.incrementAndGet();
        return signingKey.signPersonalMessage(message);
    }
}
