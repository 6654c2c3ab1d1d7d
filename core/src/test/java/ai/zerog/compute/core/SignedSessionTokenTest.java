package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Vectors from PROTOCOL.md §3.3 and from ethers v6 {@code Wallet.signMessage(getBytes(keccak256(raw)))}. */
class SignedSessionTokenTest {

    static final Secp256k1Key USER_KEY = Secp256k1Key.fromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    static final String VECTOR_SIGNATURE = "0xb8a2dcd442d2e5003d155cdcf84054bcdf9d2b98eee5dce40d9870e6c50ceef4"
            + "0c9b05a4bf3acb645cab4eaa6e056d8c9f88918dada13ccdd95c06c22365189a1c";
    static final String VECTOR_HEADER = "Bearer app-sk-eyJhZGRyZXNzIjoiMHhmMzlGZDZlNTFhYWQ4OEY2RjRjZTZhQjg4MjcyNzljZmZGYjkyMjY2Ii"
            + "wicHJvdmlkZXIiOiIweDcwOTk3OTcwQzUxODEyZGMzQTAxMEM3ZDAxYjUwZTBkMTdkYzc5QzgiLCJ0aW1lc3RhbXAiOjE3MDAwMDAwMDAwMDAsImV4"
            + "cGlyZXNBdCI6MTcwMDA4NjQwMDAwMCwibm9uY2UiOiIxNzAwMDAwMDAwMDAwLWszajVoMmcxZjBkOXMwMDAwIiwiZ2VuZXJhdGlvbiI6MCwidG9rZW"
            + "5JZCI6MjU1fXwweGI4YTJkY2Q0NDJkMmU1MDAzZDE1NWNkY2Y4NDA1NGJjZGY5ZDJiOThlZWU1ZGNlNDBkOTg3MGU2YzUwY2VlZjQwYzliMDVhNGJm"
            + "M2FjYjY0NWNhYjRlYWE2ZTA1NmQ4YzlmODg5MThkYWRhMTNjY2RkOTVjMDZjMjIzNjUxODlhMWM=";

    // Keys in another order and a lowercase address, as some other client might send; signed by ethers.
    static final String REORDERED_RAW = "{\"tokenId\":7,\"nonce\":\"abc\",\"generation\":3,\"expiresAt\":0,"
            + "\"timestamp\":1700000000000,\"provider\":\"0x70997970C51812dc3A010C7d01b50e0d17dc79C8\","
            + "\"address\":\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\"}";
    static final String REORDERED_HEADER = "Bearer app-sk-eyJ0b2tlbklkIjo3LCJub25jZSI6ImFiYyIsImdlbmVyYXRpb24iOjMsImV4cGlyZXNBdCI6MCwi"
            + "dGltZXN0YW1wIjoxNzAwMDAwMDAwMDAwLCJwcm92aWRlciI6IjB4NzA5OTc5NzBDNTE4MTJkYzNBMDEwQzdkMDFiNTBlMGQxN2RjNzlDOCIsImFkZHJl"
            + "c3MiOiIweGYzOWZkNmU1MWFhZDg4ZjZmNGNlNmFiODgyNzI3OWNmZmZiOTIyNjYifXwweDI4MzMxMjNmOTk2YTIxZGI1ZjFhNmNmMGQzYzYzZGZjM2Vl"
            + "NzM3NjRjZWEwMDI5YTdjZGU3ZTM5ZDc2OTY4ZjYwZTZiYTUzOWE0NmUyZjEzMzk2YzIxYmNiYjJlMDhkYjM2NGQyZmFkODM1NTYyN2I5OTE4NGIxNmRi"
            + "OTMzNDIyMWI=";

    @Test
    void shouldReproduceProtocolVectorByteForByte() {
        SignedSessionToken signed = SignedSessionToken.sign(SessionTokenTest.VECTOR_TOKEN, USER_KEY);

        assertThat(signed.rawMessage()).isEqualTo(SessionTokenTest.VECTOR_RAW);
        assertThat(signed.messageHash().hex()).isEqualTo("0x6dfea26cf6218ed5dc02254a866b10ae3dfce8df518559ea5c69e75ab1a2e47b");
        assertThat(signed.digest().hex()).isEqualTo("0xd39b3f9e997a0e7192290c10e2b121f30488fdbf25fc48a6c3077c1e039d4f2b");
        assertThat(signed.signatureHex()).isEqualTo(VECTOR_SIGNATURE);
        assertThat(signed.authorizationHeader()).isEqualTo(VECTOR_HEADER);
        assertThat(signed.apiKey()).isEqualTo(VECTOR_HEADER.substring("Bearer ".length()));
        assertThat(signed.recoverSigner()).contains(USER_KEY.address());
        assertThat(signed.toString()).contains(SessionTokenTest.VECTOR_RAW).doesNotContain(VECTOR_SIGNATURE.substring(2, 20));
    }

    @Test
    void shouldDecodeHeaderAndApiKeyBackToTheSameCredential() {
        SignedSessionToken expected = new SignedSessionToken(SessionTokenTest.VECTOR_RAW, VECTOR_SIGNATURE);

        assertThat(SignedSessionToken.fromAuthorizationHeader(VECTOR_HEADER)).isEqualTo(expected);
        assertThat(SignedSessionToken.fromApiKey(VECTOR_HEADER.substring(7))).isEqualTo(expected);
        assertThat(expected.token()).isEqualTo(SessionTokenTest.VECTOR_TOKEN);
    }

    @Test
    void shouldVerifyAgainstTheRawTextNotAReserialization() {
        SignedSessionToken signed = SignedSessionToken.fromAuthorizationHeader(REORDERED_HEADER);

        assertThat(signed.rawMessage()).isEqualTo(REORDERED_RAW);
        assertThat(signed.token().toJson()).isNotEqualTo(REORDERED_RAW);
        assertThat(signed.recoverSigner()).contains(USER_KEY.address());
        assertThat(new SignedSessionToken(signed.token().toJson(), signed.signatureHex()).recoverSigner())
                .isNotEqualTo(signed.recoverSigner());
    }

    @Test
    void shouldSplitAtTheFirstBar() {
        SignedSessionToken signed = SignedSessionToken.fromAuthorizationHeader(header("raw|0xsig|more"));

        assertThat(signed).isEqualTo(new SignedSessionToken("raw", "0xsig|more"));
        assertThat(SignedSessionToken.fromAuthorizationHeader(header("|"))).isEqualTo(new SignedSessionToken("", ""));
    }

    @Test
    void shouldRefuseMissingOrForeignAuthorization() {
        for (String header : new String[] {"", "Bearer ", "Bearer sk-abc", "bearer app-sk-e30=", "Basic app-sk-e30=", " Bearer app-sk-e30="}) {
            assertThatThrownBy(() -> SignedSessionToken.fromAuthorizationHeader(header))
                    .isInstanceOfSatisfying(SessionTokenException.class,
                            e -> assertThat(e.error()).isEqualTo(ProviderError.MISSING_AUTHORIZATION))
                    .hasMessageStartingWith("missing or invalid Authorization header");
        }
        assertThatThrownBy(() -> SignedSessionToken.fromAuthorizationHeader(null))
                .hasMessageStartingWith("missing or invalid Authorization header");
        assertThatThrownBy(() -> SignedSessionToken.fromApiKey("sk-abc"))
                .hasMessageStartingWith("missing or invalid Authorization header");
    }

    @Test
    void shouldRefuseBadBase64LikeGoStdEncoding() {
        for (String payload : new String[] {"e30", "e3!=", "e30=e30=", "****"}) {
            assertThatThrownBy(() -> SignedSessionToken.fromAuthorizationHeader("Bearer app-sk-" + payload))
                    .isInstanceOfSatisfying(SessionTokenException.class,
                            e -> assertThat(e.error()).isEqualTo(ProviderError.TOKEN_INVALID_BASE64))
                    .hasMessageStartingWith("invalid base64 in Authorization header: ");
        }
    }

    @Test
    void shouldRefusePayloadWithoutSeparatorOrNotUtf8() {
        assertThatThrownBy(() -> SignedSessionToken.fromAuthorizationHeader(header("{}")))
                .isInstanceOfSatisfying(SessionTokenException.class,
                        e -> assertThat(e.error()).isEqualTo(ProviderError.TOKEN_INVALID_PAYLOAD))
                .hasMessage("invalid Authorization payload, expected base64(rawMessage|signature): no '|' separator");
        assertThatThrownBy(() -> SignedSessionToken.fromAuthorizationHeader("Bearer app-sk-"))
                .hasMessageStartingWith("invalid Authorization payload");
        String notUtf8 = Base64.getEncoder().encodeToString(new byte[] {'{', (byte) 0xC3, '|', '0'});
        assertThatThrownBy(() -> SignedSessionToken.fromAuthorizationHeader("Bearer app-sk-" + notUtf8))
                .hasMessage("invalid Authorization payload, expected base64(rawMessage|signature): not valid UTF-8");
    }

    @Test
    void shouldRecoverNothingFromUnusableSignatures() {
        String raw = SessionTokenTest.VECTOR_RAW;
        assertThat(new SignedSessionToken(raw, VECTOR_SIGNATURE.substring(2)).recoverSigner()).isEmpty();
        assertThat(new SignedSessionToken(raw, VECTOR_SIGNATURE.substring(0, 130)).recoverSigner()).isEmpty();
        assertThat(new SignedSessionToken(raw, VECTOR_SIGNATURE.substring(0, 131)).recoverSigner()).isEmpty();
        assertThat(new SignedSessionToken(raw, VECTOR_SIGNATURE.substring(0, 130) + "01").recoverSigner()).isEmpty();
        assertThat(new SignedSessionToken(raw, "0x" + "00".repeat(64) + "1b").recoverSigner()).isEmpty();
        assertThat(new SignedSessionToken(raw, "").recoverSigner()).isEmpty();
    }

    @Test
    void shouldAcceptUppercaseHexAndTheHighSTwinLikeGoEthereum() {
        String raw = SessionTokenTest.VECTOR_RAW;
        Signature low = Signature.of(VECTOR_SIGNATURE);
        Signature highTwin = Signature.fromComponents(low.r(), Curve.N.subtract(low.s()), low.v() == 27 ? 28 : 27);

        assertThat(new SignedSessionToken(raw, "0X" + VECTOR_SIGNATURE.substring(2).toUpperCase()).recoverSigner())
                .contains(USER_KEY.address());
        assertThat(highTwin.s()).isGreaterThan(Curve.HALF_N);
        assertThat(new SignedSessionToken(raw, highTwin.hex()).recoverSigner()).contains(USER_KEY.address());
        // s >= n is never valid, twin or not.
        String sTooBig = "0x" + low.r().toString(16) + Curve.N.add(BigInteger.ONE).toString(16) + "1b";
        assertThat(new SignedSessionToken(raw, sTooBig).recoverSigner()).isEmpty();
    }

    private static String header(String payload) {
        return "Bearer app-sk-" + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }
}
