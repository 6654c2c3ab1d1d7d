package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DevModelTranscriptionTest {
    private final DevModel model = DevModel.create();

    @Test
    void shouldReportTheRealDurationOfAWavFile() throws IOException {
        byte[] wav = TestAudio.wav(16_000, 1, 16, 40_000);

        JsonNode answer = SseEvents.json(ok(transcribe(wav, "speech.wav", "json")));

        assertThat(answer.at("/usage/type").textValue()).isEqualTo("duration");
        assertThat(answer.at("/usage/seconds").doubleValue()).isEqualTo(2.5);
        assertThat(answer.get("text").textValue()).contains("speech.wav").contains("2.5 seconds");
    }

    @Test
    void shouldReadStereoAndSkipExtraChunks() throws IOException {
        byte[] stereo = TestAudio.wav(8_000, 2, 16, 12_000);
        byte[] withList = new byte[stereo.length + 10];
        System.arraycopy(stereo, 0, withList, 0, 36);
        System.arraycopy("LIST".getBytes(StandardCharsets.US_ASCII), 0, withList, 36, 4);
        withList[40] = 1; // an odd-sized chunk padded to 2 bytes
        System.arraycopy(stereo, 36, withList, 46, stereo.length - 36);

        assertThat(DevTranscriptions.seconds(stereo)).isEqualTo(1.5);
        assertThat(DevTranscriptions.seconds(withList)).isEqualTo(1.5);
    }

    @Test
    void shouldDeriveTheDurationFromTheSizeOfOtherFiles() throws IOException {
        JsonNode answer = SseEvents.json(ok(transcribe(new byte[40_000], "voice.mp3", null)));

        assertThat(answer.at("/usage/seconds").doubleValue()).isEqualTo(40_000.0 / DevTranscriptions.ASSUMED_BYTES_PER_SECOND);
    }

    @Test
    void shouldGiveTheSameTextForTheSameAudio() throws IOException {
        byte[] wav = TestAudio.wav(16_000, 1, 16, 16_000);

        assertThat(ok(transcribe(wav, "a.wav", "json"))).isEqualTo(ok(transcribe(wav, "a.wav", "json")));
    }

    @Test
    void shouldAnswerPlainTextAndVerboseJsonFormats() throws IOException {
        byte[] wav = TestAudio.wav(16_000, 1, 16, 16_000);

        UpstreamResponse text = transcribe(wav, "a.wav", "text");
        String plain = new String(text.body().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode verbose = SseEvents.json(ok(transcribe(wav, "a.wav", "verbose_json")));

        assertThat(text.contentType()).startsWith("text/plain");
        assertThat(plain).startsWith("Dev model transcription of a.wav").endsWith("\n");
        assertThat(verbose.get("duration").doubleValue()).isEqualTo(1.0);
        assertThat(verbose.at("/usage/seconds").doubleValue()).isEqualTo(1.0);
    }

    @Test
    void shouldRejectMissingEmptyOrNonMultipartAudioWith400() {
        MultipartBodyBuilder noFile = new MultipartBodyBuilder("b").field("model", "whisper-1");

        assertThat(model.send(new UpstreamRequest("/audio/transcriptions", noFile.contentType(), noFile.build())).status())
                .isEqualTo(400);
        assertThat(transcribe(new byte[0], "a.wav", "json").status()).isEqualTo(400);
        assertThat(transcribe(new byte[10], "a.wav", "srt").status()).isEqualTo(400);
        assertThat(model.send(new UpstreamRequest("/audio/transcriptions", "application/json", "{}".getBytes())).status())
                .isEqualTo(400);
    }

    private UpstreamResponse transcribe(byte[] audio, String filename, String format) {
        MultipartBodyBuilder body = new MultipartBodyBuilder("audio-boundary")
                .file("file", filename, "application/octet-stream", audio)
                .field("model", "whisper-1");
        if (format != null) {
            body.field("response_format", format);
        }
        return model.send(new UpstreamRequest("/audio/transcriptions", body.contentType(), body.build()));
    }

    private static String ok(UpstreamResponse response) throws IOException {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }
}
