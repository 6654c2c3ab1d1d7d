package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.SessionToken;
import ai.zerog.compute.core.WalletSigner;
import org.junit.jupiter.api.Test;

/** The PROTOCOL.md §3.3 vector, signed through the wallet interface. */
class TokenSigningTest {
    // Hardhat development key #0: public test material.
    private static final Secp256k1Key HARDHAT_0 =
            Secp256k1Key.fromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static final SessionToken VECTOR = new SessionToken("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 1_700_000_000_000L, 1_700_086_400_000L,
            "1700000000000-k3j5h2g1f0d9s0000", 0, 255);

    @Test
    void shouldSignTheProtocolVectorThroughAWalletSigner() {
        WalletSigner wallet = new CheckedWalletSigner(WalletSigner.of(HARDHAT_0));

        assertThat(TokenSigning.sign(VECTOR, wallet).signatureHex()).isEqualTo("0xb8a2dcd442d2e5003d155cdcf84054bcdf9d2b"
                + "98eee5dce40d9870e6c50ceef40c9b05a4bf3acb645cab4eaa6e056d8c9f88918dada13ccdd95c06c22365189a1c");
        assertThat(TokenSigning.sign(VECTOR, wallet).authorizationHeader()).startsWith("Bearer app-sk-eyJhZGRyZXNzIjoi")
                .endsWith("NjUxODlhMWM=");
    }
}
