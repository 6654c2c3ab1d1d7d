package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Expected JSON texts printed by Node 20 {@code JSON.stringify}; hashes by ethers v6. */
class SessionTokenTest {

    static final String VECTOR_RAW = "{\"address\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\","
            + "\"provider\":\"0x70997970C51812dc3A010C7d01b50e0d17dc79C8\",\"timestamp\":1700000000000,"
            + "\"expiresAt\":1700086400000,\"nonce\":\"1700000000000-k3j5h2g1f0d9s0000\",\"generation\":0,\"tokenId\":255}";

    static final SessionToken VECTOR_TOKEN = new SessionToken("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 1_700_000_000_000L, 1_700_086_400_000L,
            "1700000000000-k3j5h2g1f0d9s0000", 0, 255);

    // Every escaping rule of JSON.stringify in one nonce: short escapes, \\u00xx for other controls,
    // DEL, U+0080, U+2028/2029 and astral characters verbatim, lone surrogates escaped, '/' and '<' not.
    private static final String NASTY_NONCE = "q\"b\\s/\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080\u2028\u2029é😀\ud800x\udc00<>&";
    private static final String NASTY_JSON = "{\"address\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\","
            + "\"provider\":\"0x70997970c51812dc3a010c7d01b50e0d17dc79c8\",\"timestamp\":-5,\"expiresAt\":0,"
            + "\"nonce\":\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u007f\u0080\u2028\u2029é😀\\ud800x\\udc00<>&\","
            + "\"generation\":9007199254740991,\"tokenId\":0}";

    @Test
    void shouldSerializeProtocolVectorExactlyLikeJsonStringify() {
        assertThat(VECTOR_TOKEN.toJson()).isEqualTo(VECTOR_RAW);
        assertThat(VECTOR_TOKEN.isEphemeral()).isTrue();
    }

    @Test
    void shouldEscapeStringsExactlyLikeJsonStringify() {
        SessionToken token = new SessionToken("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", -5, 0, NASTY_NONCE, 9_007_199_254_740_991L, 0);

        assertThat(token.toJson()).isEqualTo(NASTY_JSON);
        assertThat(Hash32.keccak256(token.toJson()).hex())
                .isEqualTo("0x76ac414e5422c8ad60afb89c7e8a82f033a1c21428e7ebc2368ddbe5ee652a2f");
        assertThat(SessionToken.parse(token.toJson())).isEqualTo(token);
    }

    @Test
    void shouldParseKeysInAnyOrderWithWhitespace() {
        String raw = " {\n\"tokenId\" : 7, \"nonce\":\"n\\u0041\", \"generation\":3,\t\"expiresAt\":0,"
                + "\"timestamp\":-1,\"provider\":\"0xabc\",\"address\":\"0xdef\"}\r\n";

        SessionToken token = SessionToken.parse(raw);

        assertThat(token).isEqualTo(new SessionToken("0xdef", "0xabc", -1, 0, "nA", 3, 7));
        assertThat(token.isEphemeral()).isFalse();
        assertThat(token.neverExpires()).isTrue();
    }

    @Test
    void shouldAcceptLargestValuesOfEachField() {
        String raw = "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":-9223372036854775808,"
                + "\"expiresAt\":9223372036854775807,\"nonce\":\"\",\"generation\":9223372036854775807,\"tokenId\":255}";

        assertThat(SessionToken.parse(raw))
                .isEqualTo(new SessionToken("a", "p", Long.MIN_VALUE, Long.MAX_VALUE, "", Long.MAX_VALUE, 255));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "[]",
        "not json",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1,\"extra\":1}",
        "{\"address\":\"a\",\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1}",
        "{\"address\":1,\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":\"1\",\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1.5,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1e3,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1.0,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":01,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":null,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":true,\"generation\":0,\"tokenId\":1}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":{},\"generation\":0,\"tokenId\":1}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":-1,\"tokenId\":1}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":256}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":-1}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":9223372036854775808,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1}",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1} x",
        "{\"address\":\"a\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1,}",
        "{\"address\":\"a\nb\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1}",
        "{\"address\":\"a\\x\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1}",
        "{\"address\":\"a\\u12\",\"provider\":\"p\",\"timestamp\":1,\"expiresAt\":2,\"nonce\":\"n\",\"generation\":0,\"tokenId\":1}",
        "{\"address\":\"a",
    })
    void shouldRefuseAnythingButTheSevenTypedKeys(String raw) {
        assertThatThrownBy(() -> SessionToken.parse(raw))
                .isInstanceOfSatisfying(SessionTokenException.class,
                        e -> assertThat(e.error()).isEqualTo(ProviderError.TOKEN_INVALID_FORMAT))
                .hasMessageStartingWith("invalid session token format in Authorization: ");
    }

    @Test
    void shouldExplainWhatIsWrongWithTheToken() {
        assertThatThrownBy(() -> SessionToken.parse("{\"address\":\"a\"}"))
                .hasMessage("invalid session token format in Authorization: missing key \"provider\"");
        assertThatThrownBy(() -> SessionToken.parse(VECTOR_RAW.replace("\"tokenId\":255", "\"tokenId\":2.5")))
                .hasMessage("invalid session token format in Authorization: \"tokenId\" must be an integer, got 2.5");
    }

    @Test
    void shouldReadClaimedUserCaseInsensitively() {
        Address user = Address.of("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

        assertThat(withAddress("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266").claimedUser()).contains(user);
        assertThat(withAddress("0XF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266").claimedUser()).contains(user);
        // Wrong EIP-55 mix still names the account; the official broker never checks checksums.
        assertThat(withAddress("0xF39fd6e51aad88F6F4ce6aB8827279cffFb92266").claimedUser()).contains(user);
        assertThat(withAddress("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb9226").claimedUser()).isEmpty();
        assertThat(withAddress("f39Fd6e51aad88F6F4ce6aB8827279cffFb922660x").claimedUser()).isEmpty();
    }

    @Test
    void shouldRefuseOutOfRangeFieldsWhenBuilt() {
        assertThatThrownBy(() -> new SessionToken("a", "p", 0, 0, "n", 0, 256)).isInstanceOf(CoreException.class);
        assertThatThrownBy(() -> new SessionToken("a", "p", 0, 0, "n", -1, 1)).isInstanceOf(CoreException.class);
    }

    private static SessionToken withAddress(String address) {
        return new SessionToken(address, "p", 0, 0, "n", 0, 0);
    }
}
