package ai.zerog.compute.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartModelTest {
    static final String TYPE = "multipart/form-data; boundary=XyZ";

    private static byte[] form(String parts) {
        return parts.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldAddTheModelPartBeforeTheClosingBoundaryKeepingEverythingElse() {
        byte[] body = form("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\nRIFF\r\n--XyZ--\r\n");

        String result = new String(MultipartModel.withModel(TYPE, body, "dev-speech-model"), StandardCharsets.UTF_8);

        assertThat(result).isEqualTo("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\nRIFF\r\n--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n"
                + "dev-speech-model\r\n--XyZ--\r\n");
        assertThat(MultipartModel.model(TYPE, result.getBytes(StandardCharsets.UTF_8))).contains("dev-speech-model");
    }

    @Test
    void shouldKeepAModelTheClientSent() {
        byte[] body = form("--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\r\nRIFF\r\n--XyZ--\r\n");

        assertThat(MultipartModel.model("multipart/form-data; boundary=\"XyZ\"", body)).contains("whisper-1");
        assertThat(MultipartModel.withModel(TYPE, body, "other")).isSameAs(body);
    }

    @Test
    void shouldNotMistakeAModelFileNameForTheModelField() {
        byte[] body = form("--XyZ\r\nContent-Disposition: form-data; name=\"modelfile\"; filename=\"model\"\r\n\r\nx\r\n--XyZ--\r\n");

        assertThat(MultipartModel.model(TYPE, body)).isEmpty();
    }

    @Test
    void shouldRefuseAFormWithoutBoundaryOrEnd() {
        assertThatThrownBy(() -> MultipartModel.withModel("multipart/form-data", form("--a--"), "m"))
                .isInstanceOf(ClientRequestException.class).hasMessageContaining("boundary");
        assertThatThrownBy(() -> MultipartModel.withModel(TYPE, form("--XyZ\r\nno end"), "m"))
                .isInstanceOf(ClientRequestException.class).hasMessageContaining("closing boundary");
    }
}
