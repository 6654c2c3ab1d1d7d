package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultipartFormTest {
    private static final String BOUNDARY = "----zgBoundary7MA4YWxkTrZu0gW";

    @Test
    void shouldReadTextFieldsAndFileParts() {
        MultipartBodyBuilder body = new MultipartBodyBuilder(BOUNDARY)
                .field("model", "whisper-1")
                .file("file", "speech.wav", "audio/wav", new byte[] {1, 2, 3})
                .field("n", "2");

        MultipartForm form = MultipartForm.parse(body.contentType(), body.build());

        assertThat(form.parts()).extracting(MultipartPart::name).containsExactly("model", "file", "n");
        assertThat(form.text("model")).contains("whisper-1");
        assertThat(form.text("n")).contains("2");
        assertThat(form.text("missing")).isEmpty();
        MultipartPart file = form.part("file").orElseThrow();
        assertThat(file.filename()).contains("speech.wav");
        assertThat(file.contentType()).contains("audio/wav");
        assertThat(file.bytes()).containsExactly(1, 2, 3);
        assertThat(form.part("model").orElseThrow().isFile()).isFalse();
    }

    @Test
    void shouldKeepBinaryContentWithCrlfAndDashesExactly() {
        byte[] binary = new byte[256 * 3 + 11];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 7);
        }
        byte[] tricky = "\r\n--almost\r\n--\r\n\r\nend\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[binary.length + tricky.length];
        System.arraycopy(binary, 0, content, 0, binary.length);
        System.arraycopy(tricky, 0, content, binary.length, tricky.length);
        MultipartBodyBuilder body = new MultipartBodyBuilder(BOUNDARY)
                .file("image", "in.png", "application/octet-stream", content)
                .field("prompt", "line one\r\nline two\r\n");

        MultipartForm form = MultipartForm.parse(body.contentType(), body.build());

        assertThat(form.part("image").orElseThrow().bytes()).isEqualTo(content);
        assertThat(form.text("prompt")).contains("line one\r\nline two\r\n");
    }

    @Test
    void shouldAcceptQuotedBoundaryPreambleEpilogueAndEmptyParts() {
        String raw = "preamble to ignore\r\n--b\"x\r\n"
                + "content-disposition: form-data; name=\"a;b\"; filename=\"x \\\"y\\\".txt\"\r\n\r\n"
                + "\r\n--b\"x\r\n"
                + "Content-Disposition: form-data; name=empty\r\n\r\n"
                + "\r\n--b\"x--\r\nepilogue";

        MultipartForm form = MultipartForm.parse("Multipart/Form-Data; charset=utf-8; boundary=\"b\\\"x\"",
                raw.getBytes(StandardCharsets.UTF_8));

        assertThat(form.parts()).hasSize(2);
        assertThat(form.parts().get(0).name()).isEqualTo("a;b");
        assertThat(form.parts().get(0).filename()).contains("x \"y\".txt");
        assertThat(form.parts().get(0).size()).isZero();
        assertThat(form.text("empty")).contains("");
    }

    @Test
    void shouldDecodeUtf8NamesAndExtendedFilenames() {
        String raw = "--q\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nüber 東京\r\n"
                + "--q\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''caf%C3%A9+1.wav\r\n\r\nx\r\n"
                + "--q--";

        MultipartForm form = MultipartForm.parse("multipart/form-data; boundary=q", raw.getBytes(StandardCharsets.UTF_8));

        assertThat(form.text("prompt")).contains("über 東京");
        assertThat(form.part("file").orElseThrow().filename()).contains("café+1.wav");
        assertThat(form.part("prompt").orElseThrow().filename()).isEqualTo(Optional.empty());
    }

    @Test
    void shouldRecogniseMultipartContentTypes() {
        assertThat(MultipartForm.isMultipart("multipart/form-data; boundary=x")).isTrue();
        assertThat(MultipartForm.isMultipart("MULTIPART/FORM-DATA")).isTrue();
        assertThat(MultipartForm.isMultipart("application/json")).isFalse();
        assertThat(MultipartForm.isMultipart("")).isFalse();
    }

    @Test
    void shouldRejectBodiesThatAreNotValidFormData() {
        byte[] truncated = "--q\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue".getBytes(StandardCharsets.UTF_8);
        byte[] noName = "--q\r\nContent-Disposition: form-data\r\n\r\nv\r\n--q--".getBytes(StandardCharsets.UTF_8);
        byte[] noDisposition = "--q\r\nContent-Type: text/plain\r\n\r\nv\r\n--q--".getBytes(StandardCharsets.UTF_8);
        byte[] otherBoundary = "--z\r\n\r\nv\r\n--z--".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MultipartForm.parse("application/json", truncated))
                .isInstanceOf(MultipartFormException.class).hasMessageContaining("multipart/form-data");
        assertThatThrownBy(() -> MultipartForm.parse("multipart/form-data", truncated))
                .isInstanceOf(MultipartFormException.class).hasMessageContaining("no boundary");
        assertThatThrownBy(() -> MultipartForm.parse("multipart/form-data; boundary=q", truncated))
                .isInstanceOf(MultipartFormException.class).hasMessageContaining("closing boundary");
        assertThatThrownBy(() -> MultipartForm.parse("multipart/form-data; boundary=q", noName))
                .isInstanceOf(MultipartFormException.class).hasMessageContaining("no name");
        assertThatThrownBy(() -> MultipartForm.parse("multipart/form-data; boundary=q", noDisposition))
                .isInstanceOf(MultipartFormException.class).hasMessageContaining("Content-Disposition");
        assertThatThrownBy(() -> MultipartForm.parse("multipart/form-data; boundary=q", otherBoundary))
                .isInstanceOf(MultipartFormException.class).hasMessageContaining("does not contain its boundary");
    }
}
