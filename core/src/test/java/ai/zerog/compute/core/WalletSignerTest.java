package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WalletSignerTest {
    private static final Secp256k1Key KEY = SignaturesTest.HARDHAT_0;

    @Test
    void shouldSignLikeTheKeyItWraps() {
        WalletSigner signer = WalletSigner.of(KEY);
        Hash32 digest = Hash32.keccak256("a transaction");
        byte[] message = "hello 0G".getBytes(StandardCharsets.UTF_8);

        assertThat(signer.address()).isEqualTo(KEY.address());
        assertThat(signer.signDigest(digest)).isEqualTo(KEY.signDigest(digest));
        assertThat(signer.signPersonalMessage(message)).isEqualTo(KEY.signPersonalMessage(message));
    }

    @Test
    void shouldDerivePersonalSignaturesFromDigestSigningByDefault() {
        WalletSigner digestOnly = new WalletSigner() {
            @Override
            public Address address() {
                return KEY.address();
            }

            @Override
            public Signature signDigest(Hash32 digest) {
                return KEY.signDigest(digest);
            }
        };
        byte[] message = "hello 0G".getBytes(StandardCharsets.UTF_8);

        assertThat(digestOnly.signPersonalMessage(message)).isEqualTo(KEY.signPersonalMessage(message));
        assertThat(Signatures.recoverPersonalMessage(message, digestOnly.signPersonalMessage(message)))
                .contains(KEY.address());
    }

    @Test
    void shouldNotRevealTheKeyInToString() {
        assertThat(WalletSigner.of(KEY).toString())
                .contains(KEY.address().toString())
                .doesNotContain(KEY.privateKey().toString(16));
    }
}
