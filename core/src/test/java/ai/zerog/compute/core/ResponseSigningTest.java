package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md §5.1 vector; the image text's digests were computed with Node {@code crypto}. */
class ResponseSigningTest {

    private static final Secp256k1Key TEE_KEY =
            Secp256k1Key.fromHex("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
    private static final String VECTOR_TEXT = "0bfcf1c873fe23e87366969117efdc24b95f341eb2f4abe10ae01e7a1f4994c6:"
            + "4bdc167f41842940a056a9195368a5ef454bfecbb3a7ee8c247e07313dd4fbef";

    @Test
    void shouldReproduceTheChatVectorOfProtocolSection5() {
        String text = ResponseSigning.chatText(utf8("{\"model\":\"m\",\"messages\":[]}"), utf8("{\"id\":\"chatcmpl-x\"}"));

        Signature signature = ResponseSigning.sign(TEE_KEY, text);

        assertThat(text).isEqualTo(VECTOR_TEXT);
        assertThat(signature.hex()).isEqualTo("0xa99b896bd46e0ad15f611778e07cd0d2566c5e24b7293116d12096ceb7ef5607"
                + "0dec7c2e8c4171522236d351bb7cad656d0203118776575d42782cb74cba52c81b");
        assertThat(ResponseSigning.recover(text, signature)).contains(Address.of("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"));
        assertThat(ResponseSigning.recover(text + " ", signature)).isNotEqualTo(ResponseSigning.recover(text, signature));
    }

    @Test
    void shouldListImageDigestsInOrder() {
        String text = ResponseSigning.imageText(
                utf8("{\"model\":\"m\",\"prompt\":\"cat\"}"), List.of(utf8("img0"), new byte[] {0, (byte) 255, 1}));

        assertThat(text).isEqualTo("84578e37703a6632ee435533f4d128e49704412e4db4fd0d38ccaee0ab4d0984:"
                + "dd9c8e485df97a205448adaea1d6b7a470ef49cb3766e7481e86441ec5e51bc2,"
                + "47ffa3ea45a70b8a41c2c0825df323c00a8b7a01c1ea06083cc41dddcc001123");
    }

    @Test
    void shouldRefuseImageTextWithoutImages() {
        assertThatThrownBy(() -> ResponseSigning.imageText(utf8("{}"), List.of()))
                .isInstanceOf(CoreException.class)
                .hasMessageContaining("chatText");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldDecodeTheBase64ImagesOfAnImagesAnswerInOrderAndNothingElse() {
        byte[] answer = ("{\"created\":1,\"data\":[{\"b64_json\":\"AQI=\"},{\"url\":\"https://x/y.png\"},"
                + "{\"b64_json\":\"Aw==\"}]}").getBytes(StandardCharsets.UTF_8);

        assertThat(ResponseSigning.decodedImages(answer)).containsExactly(new byte[] {1, 2}, new byte[] {3});
        assertThat(ResponseSigning.decodedImages("{\"data\":[{\"b64_json\":\"not base64!\"}]}"
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ResponseSigning.decodedImages("{\"data\":[{\"url\":\"data:image/png;base64,AQI=\"}]}"
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ResponseSigning.decodedImages("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
