package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link Upstream} must do, run against the dev model in-process and over HTTP. */
abstract class UpstreamContractTest {
    static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi.\"}]%s}";

    abstract Upstream upstream();

    @Test
    void shouldAnswerChatAsJsonWithUsage() throws IOException {
        try (UpstreamResponse response = upstream().send(json("/chat/completions", CHAT.formatted("")))) {
            JsonNode answer = SseEvents.json(new String(response.body().readAllBytes(), StandardCharsets.UTF_8));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/json");
            assertThat(response.headers()).containsKey("content-type");
            assertThat(answer.at("/choices/0/message/content").textValue()).startsWith("Dev model reply to: Say hi.");
            assertThat(answer.at("/usage/prompt_tokens").intValue()).isEqualTo(3);
        }
    }

    @Test
    void shouldStreamChatAsSseLineByLine() throws IOException {
        List<String> lines = new ArrayList<>();
        try (UpstreamResponse response = upstream().send(json("/chat/completions",
                CHAT.formatted(",\"stream\":true,\"stream_options\":{\"include_usage\":true}")))) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("text/event-stream");
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }

        SseEvents events = SseEvents.parse(String.join("\n", lines) + "\n");
        assertThat(events.content()).startsWith("Dev model reply to: Say hi.");
        assertThat(events.chunks().getLast().at("/usage/completion_tokens").intValue())
                .isEqualTo(DevTokenizer.count(events.content()));
    }

    @Test
    void shouldGenerateImages() throws IOException {
        try (UpstreamResponse response = upstream().send(json("/images/generations?wait=true", "{\"prompt\":\"owl\",\"n\":2}"))) {
            assertThat(response.status()).isEqualTo(200);
            JsonNode answer = SseEvents.json(new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(DevModelImagesTest.decode(answer)).hasSize(2);
        }
    }

    @Test
    void shouldTranscribeMultipartAudio() throws IOException {
        MultipartBodyBuilder body = new MultipartBodyBuilder("contract-boundary")
                .file("file", "a.wav", "audio/wav", TestAudio.wav(8_000, 1, 8, 4_000))
                .field("model", "whisper-1");

        try (UpstreamResponse response = upstream().send(new UpstreamRequest("/audio/transcriptions",
                body.contentType(), body.build()))) {
            assertThat(response.status()).isEqualTo(200);
            JsonNode answer = SseEvents.json(new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(answer.at("/usage/seconds").doubleValue()).isEqualTo(0.5);
        }
    }

    @Test
    void shouldAnswerErrorsWithStatusAndOpenAiErrorJson() throws IOException {
        try (UpstreamResponse unknown = upstream().send(json("/nothing/here", "{}"));
             UpstreamResponse malformed = upstream().send(json("/chat/completions", "{oops"))) {
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(SseEvents.json(new String(malformed.body().readAllBytes(), StandardCharsets.UTF_8))
                    .at("/error/type").textValue()).isEqualTo("invalid_request_error");
        }
    }

    static UpstreamRequest json(String endpoint, String body) {
        return new UpstreamRequest(endpoint, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }
}
