package ai.zerog.compute.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /audio/transcriptions} of the dev model (multipart {@code file}, {@code model},
 * {@code response_format}). The audio length S is the real duration of a WAV file (from its
 * header), otherwise the file size at 16,000 bytes per second (128 kbit/s, a common MP3 rate),
 * rounded to milliseconds. {@code json} (default) and {@code verbose_json} carry
 * {@code usage: {"type":"duration","seconds":S}}; {@code text} is the bare text.
 */
final class DevTranscriptions {
    static final String ENDPOINT = "/audio/transcriptions";
    static final int ASSUMED_BYTES_PER_SECOND = 16_000;

    DevResponse handle(String contentType, byte[] body) {
        if (!MultipartForm.isMultipart(contentType)) {
            throw DevRequestException.badRequest("audio transcriptions need a multipart/form-data body, got '"
                    + contentType + "'");
        }
        MultipartForm form = DevForms.parse(contentType, body);
        MultipartPart file = form.part("file")
                .orElseThrow(() -> DevRequestException.badRequest("multipart field 'file' (the audio) is required"));
        if (file.size() == 0) {
            throw DevRequestException.badRequest("the audio 'file' is empty");
        }
        double seconds = seconds(file.bytes());
        String text = "Dev model transcription of " + file.filename().orElse("audio") + ": " + seconds
                + " seconds of audio.";
        String format = form.text("response_format").map(String::strip).orElse("json");
        return switch (format) {
            case "json" -> DevResponse.ok(DevResponse.JSON, DevJson.bytes(json(text, seconds)));
            case "verbose_json" -> DevResponse.ok(DevResponse.JSON, DevJson.bytes(json(text, seconds)
                    .put("task", "transcribe").put("language", "english").put("duration", seconds)));
            case "text" -> DevResponse.ok("text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
            default -> throw DevRequestException.badRequest(
                    "'response_format' must be one of json, verbose_json, text; got '" + format + "'");
        };
    }

    static double seconds(byte[] audio) {
        double seconds = WavDuration.seconds(audio).orElse((double) audio.length / ASSUMED_BYTES_PER_SECOND);
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static ObjectNode json(String text, double seconds) {
        ObjectNode json = DevJson.MAPPER.createObjectNode().put("text", text);
        json.putObject("usage").put("type", "duration").put("seconds", seconds);
        return json;
    }
}
