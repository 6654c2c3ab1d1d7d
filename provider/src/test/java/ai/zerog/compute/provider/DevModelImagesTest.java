package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DevModelImagesTest {
    private final DevModel model = DevModel.create();

    @Test
    void shouldGenerateNDecodablePngsOfTheRequestedSize() throws IOException {
        JsonNode answer = ok(json("/images/generations",
                "{\"model\":\"flux\",\"prompt\":\"a red fox\",\"n\":3,\"size\":\"96x48\",\"response_format\":\"b64_json\"}"));

        assertThat(answer.get("created").isIntegralNumber()).isTrue();
        List<BufferedImage> images = decode(answer);
        assertThat(images).hasSize(3).allSatisfy(image -> {
            assertThat(image.getWidth()).isEqualTo(96);
            assertThat(image.getHeight()).isEqualTo(48);
        });
    }

    @Test
    void shouldDefaultToOneSmallImageAndCapLargeSizesAt256() throws IOException {
        List<BufferedImage> defaults = decode(ok(json("/images/generations", "{\"prompt\":\"tree\"}")));
        List<BufferedImage> capped = decode(ok(json("/images/generations", "{\"prompt\":\"tree\",\"size\":\"1024x1792\"}")));

        assertThat(defaults).singleElement().satisfies(image -> assertThat(image.getWidth()).isEqualTo(64));
        assertThat(capped).singleElement().satisfies(image -> {
            assertThat(image.getWidth()).isEqualTo(256);
            assertThat(image.getHeight()).isEqualTo(256);
        });
    }

    @Test
    void shouldPaintTheSameImagesForTheSamePromptAndOthersOtherwise() throws IOException {
        String request = "{\"prompt\":\"a lighthouse\",\"n\":2}";
        JsonNode first = ok(json("/images/generations", request));
        JsonNode second = ok(json("/images/generations", request));
        JsonNode other = ok(json("/images/generations", "{\"prompt\":\"a windmill\",\"n\":2}"));

        assertThat(second.get("data")).isEqualTo(first.get("data"));
        assertThat(first.at("/data/1/url").textValue()).isNotEqualTo(first.at("/data/0/url").textValue());
        assertThat(other.at("/data/0/url").textValue()).isNotEqualTo(first.at("/data/0/url").textValue());
    }

    /** URLs unless asked otherwise, as OpenAI's images API answers (the 0G docs' samples read data[0].url). */
    @Test
    void shouldReturnDataUrlsByDefaultAndBase64WhenAskedFor() throws IOException {
        JsonNode byDefault = ok(json("/images/generations", "{\"prompt\":\"sky\"}"));
        JsonNode base64 = ok(json("/images/generations", "{\"prompt\":\"sky\",\"response_format\":\"b64_json\"}"));

        assertThat(byDefault.at("/data/0/url").textValue()).startsWith("data:image/png;base64,");
        assertThat(byDefault.at("/data/0/b64_json").isMissingNode()).isTrue();
        assertThat(byDefault.at("/data/0/url").textValue()).endsWith(base64.at("/data/0/b64_json").textValue());
    }

    @Test
    void shouldEditAMultipartImageHonouringN() throws IOException {
        MultipartBodyBuilder body = new MultipartBodyBuilder("edit-boundary")
                .file("image", "in.png", "image/png", DevImagePainter.png(new byte[32], 8, 8))
                .field("prompt", "make it blue")
                .field("n", "2")
                .field("size", "32x32");

        JsonNode answer = ok(model.send(new UpstreamRequest("/images/edits", body.contentType(), body.build())));

        assertThat(decode(answer)).hasSize(2).allSatisfy(image -> assertThat(image.getWidth()).isEqualTo(32));
    }

    @Test
    void shouldEditFromJsonToo() throws IOException {
        JsonNode answer = ok(json("/images/edits", "{\"prompt\":\"make it blue\",\"images\":[{\"image_url\":\"x\"}]}"));

        assertThat(decode(answer)).hasSize(1);
    }

    @Test
    void shouldRejectBadImageRequestsWith400() throws IOException {
        MultipartBodyBuilder noImage = new MultipartBodyBuilder("b").field("prompt", "x");
        List<UpstreamResponse> responses = List.of(
                json("/images/generations", "{\"n\":1}"),
                json("/images/generations", "{\"prompt\":\"x\",\"n\":11}"),
                json("/images/generations", "{\"prompt\":\"x\",\"n\":\"two\"}"),
                json("/images/generations", "{\"prompt\":\"x\",\"size\":\"big\"}"),
                json("/images/generations", "{\"prompt\":\"x\",\"response_format\":\"gif\"}"),
                model.send(new UpstreamRequest("/images/edits", noImage.contentType(), noImage.build())),
                model.send(new UpstreamRequest("/images/edits", "multipart/form-data; boundary=b", "--b\r\n".getBytes())));

        for (UpstreamResponse response : responses) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(SseEvents.json(text(response)).at("/error/type").textValue()).isEqualTo("invalid_request_error");
        }
    }

    private UpstreamResponse json(String endpoint, String body) {
        return model.send(new UpstreamRequest(endpoint, "application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode ok(UpstreamResponse response) throws IOException {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        return SseEvents.json(text(response));
    }

    private static String text(UpstreamResponse response) throws IOException {
        try (response) {
            return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<BufferedImage> decode(JsonNode answer) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (JsonNode item : answer.get("data")) {
            String base64 = item.has("b64_json") ? item.get("b64_json").textValue()
                    : item.get("url").textValue().substring("data:image/png;base64,".length());
            byte[] png = Base64.getDecoder().decode(base64);
            assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).isNotNull();
            images.add(image);
        }
        return images;
    }
}
