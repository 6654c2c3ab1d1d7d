package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.ResponseSigning;
import ai.zerog.compute.core.Secp256k1Key;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fast signer gives exactly core's (web3j's) signatures, both recovery ids and low-s included. */
class Secp256k1SigningTest {

    @Test
    void signaturesAreIdenticalToCoresForManyKeysAndMessages() {
        for (int i = 0; i < 300; i++) {
            Secp256k1Key key = Secp256k1Key.random();
            SoftwareTeeSigner signer = SoftwareTeeSigner.withKey(key);
            String text = "request-hash-" + i + ":response-hash-" + Integer.toHexString(i * 7919);
            Hash32 digest = Hash32.keccak256("settlement " + i);

            assertThat(signer.signText(text)).isEqualTo(key.signPersonalMessage(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(signer.signDigest(digest)).isEqualTo(key.signDigest(digest));
            assertThat(ResponseSigning.recover(text, signer.signText(text))).contains(key.address());
        }
    }
}
