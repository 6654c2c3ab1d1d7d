package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expected hex computed independently with ethers v6 ({@code hashMessage}, {@code Wallet.signMessage}). */
class SignaturesTest {

    // Well-known Hardhat development keys; public test material, never funded on a real chain.
    static final Secp256k1Key HARDHAT_0 = Secp256k1Key.fromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    static final Secp256k1Key HARDHAT_2 = Secp256k1Key.fromHex("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");

    @Test
    void shouldDeriveAddressesOfKnownKeys() {
        assertThat(HARDHAT_0.address()).isEqualTo(Address.of("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
        assertThat(HARDHAT_2.address()).isEqualTo(Address.of("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"));
    }

    @Test
    void shouldHashPersonalMessageWithByteLength() {
        assertThat(Signatures.personalMessageHash(utf8("hello 0G")).hex())
                .isEqualTo("0x911948cc2fbfdfd0a003fac5c18a05e0d012aecbf4b6ecaddac34c5b80b17a20");
        // 10 characters but 13 UTF-8 bytes: the prefix must carry the byte count.
        assertThat(Signatures.personalMessageHash(utf8("héllo → 0G")).hex())
                .isEqualTo("0xff1668a3411c3e5014812a901d5fb4198abefbccb0717fdfc73178ed70b3da31");
        assertThat(Signatures.personalMessageHash(new byte[0]).hex())
                .isEqualTo("0x5f35dce98ba4fba25530a026ed80b2cecdaa31091ba4958b99b52ea1d068adad");
    }

    @Test
    void shouldSignPersonalMessageLikeEthersAndRecoverSigner() {
        byte[] message = utf8("hello 0G");

        Signature signature = HARDHAT_0.signPersonalMessage(message);

        assertThat(signature.hex()).isEqualTo("0xfd3e56dabb5ebf10fd37e7f945275499d452ec7aa7a29db0dd7f368936dcee64"
                + "3a0adacb10614691e8cebef96edaf979428ddfc3d4854102fdfb3550cf2751cd1c");
        assertThat(Signatures.recoverPersonalMessage(message, signature)).contains(HARDHAT_0.address());
        assertThat(Signatures.recoverPersonalMessage(utf8("hello 0g"), signature)).isNotEqualTo(Optional.of(HARDHAT_0.address()));
    }

    @Test
    void shouldReproduceResponseSigningVectorOfProtocolSection5() {
        byte[] text = utf8("0bfcf1c873fe23e87366969117efdc24b95f341eb2f4abe10ae01e7a1f4994c6:"
                + "4bdc167f41842940a056a9195368a5ef454bfecbb3a7ee8c247e07313dd4fbef");

        Signature signature = HARDHAT_2.signPersonalMessage(text);

        assertThat(Signatures.personalMessageHash(text).hex())
                .isEqualTo("0x404ee0f0461d41ebf6299c2e7b63cff424809d6b34283443d1c4fb5c8aa84852");
        assertThat(signature.hex()).isEqualTo("0xa99b896bd46e0ad15f611778e07cd0d2566c5e24b7293116d12096ceb7ef5607"
                + "0dec7c2e8c4171522236d351bb7cad656d0203118776575d42782cb74cba52c81b");
        assertThat(Signatures.recoverPersonalMessage(text, signature)).contains(HARDHAT_2.address());
    }

    @Test
    void shouldRecoverNothingFromHighSTwinOfValidSignature() {
        Hash32 digest = Hash32.keccak256("digest");
        Signature low = HARDHAT_2.signDigest(digest);
        BigInteger n = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
        // (r, n - s, flipped v) is the same point mathematically; EIP-2 and OpenZeppelin refuse it.
        Signature high = Signature.fromComponents(low.r(), n.subtract(low.s()), low.v() == 27 ? 28 : 27);

        assertThat(Signatures.recoverDigest(digest, low)).contains(HARDHAT_2.address());
        assertThat(Signatures.recoverDigest(digest, high)).isEmpty();
    }

    @Test
    void shouldRecoverNothingFromZeroOrOutOfRangeComponents() {
        Hash32 digest = Hash32.keccak256("digest");
        Signature valid = HARDHAT_2.signDigest(digest);
        BigInteger n = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

        assertThat(Signatures.recoverDigest(digest, Signature.fromComponents(BigInteger.ZERO, valid.s(), 27))).isEmpty();
        assertThat(Signatures.recoverDigest(digest, Signature.fromComponents(valid.r(), BigInteger.ZERO, 27))).isEmpty();
        assertThat(Signatures.recoverDigest(digest, Signature.fromComponents(n, valid.s(), 27))).isEmpty();
        // r = 5 is not the x-coordinate of any curve point.
        assertThat(Signatures.recoverDigest(digest, Signature.fromComponents(BigInteger.valueOf(5), valid.s(), 27))).isEmpty();
    }

    @Test
    void shouldSignDeterministicallyWithLowS() {
        Secp256k1Key key = Secp256k1Key.random();
        for (int i = 0; i < 20; i++) {
            Hash32 digest = Hash32.keccak256("message " + i);
            Signature signature = key.signDigest(digest);

            assertThat(key.signDigest(digest)).isEqualTo(signature);
            assertThat(signature.s()).isLessThanOrEqualTo(new BigInteger(
                    "7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0", 16));
            assertThat(Signatures.recoverDigest(digest, signature)).contains(key.address());
        }
    }

    @Test
    void shouldValidateSignatureBytes() {
        byte[] bytes = HARDHAT_0.signPersonalMessage(utf8("x")).bytes();

        assertThat(Signature.of(Signature.fromBytes(bytes).hex())).isEqualTo(Signature.fromBytes(bytes));
        bytes[64] = 1;
        assertThatThrownBy(() -> Signature.fromBytes(bytes)).isInstanceOf(CoreException.class).hasMessageContaining("27 or 28");
        assertThatThrownBy(() -> Signature.fromBytes(new byte[64])).isInstanceOf(CoreException.class).hasMessageContaining("65");
        assertThatThrownBy(() -> Signature.of("0x1b")).isInstanceOf(CoreException.class);
    }

    @Test
    void shouldNeverRevealPrivateKey() {
        String secretHex = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

        assertThat(HARDHAT_0.toString()).isEqualTo("Secp256k1Key[0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266]");
        assertThat(HARDHAT_0.privateKey()).isEqualTo(new BigInteger(secretHex, 16));
        assertThatThrownBy(() -> Secp256k1Key.fromHex(secretHex + "zz"))
                .isInstanceOf(CoreException.class)
                .message().doesNotContain(secretHex);
        assertThatThrownBy(() -> Secp256k1Key.fromHex("0x" + "0".repeat(64))).isInstanceOf(CoreException.class);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
