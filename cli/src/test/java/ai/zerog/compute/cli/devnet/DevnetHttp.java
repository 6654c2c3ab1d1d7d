package ai.zerog.compute.cli.devnet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Raw provider calls for tests: a JSON or multipart POST, answering the exact bytes both ways. */
final class DevnetHttp {
    record Exchange(byte[] request, int status, byte[] response, String chatId) {
        String text() {
            return new String(response, StandardCharsets.UTF_8);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DevnetHttp() {
    }

    static Exchange postJson(URI url, Map<String, String> headers, String json) {
        return post(url, headers, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart body with one {@code file} part (audio/wav) and text fields. */
    static Exchange postAudio(URI url, Map<String, String> headers, byte[] wav, Map<String, String> fields) {
        String boundary = "zg-devnet-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hello.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(wav);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(url, headers, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static Exchange post(URI url, Map<String, String> headers, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Exchange(body, response.statusCode(), response.body(),
                    response.headers().firstValue("ZG-Res-Key").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A silent 16-bit mono PCM WAV of {@code seconds} at 8 kHz. */
    static byte[] silentWav(int seconds) {
        int rate = 8000;
        int dataSize = rate * 2 * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataSize).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataSize);
        return wav.array();
    }
}
