package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Signature;
import java.nio.charset.StandardCharsets;

/** A test-only TEE signer: a plain in-memory key, no attestation. */
final class TestTeeSigner implements TeeSigner {
    private final Secp256k1Key key;

    TestTeeSigner(Secp256k1Key key) {
        this.key = key;
    }

    static TestTeeSigner random() {
        return new TestTeeSigner(Secp256k1Key.random());
    }

    @Override
    public Address address() {
        return key.address();
    }

    @Override
    public Signature signText(String text) {
        return key.signPersonalMessage(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Signature signDigest(Hash32 digest) {
        return key.signDigest(digest);
    }

    @Override
    public String quoteDocument() {
        return "{}";
    }

    @Override
    public String kind() {
        return "test";
    }
}
