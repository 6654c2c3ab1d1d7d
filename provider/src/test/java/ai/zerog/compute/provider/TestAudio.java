package ai.zerog.compute.provider;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Silent PCM WAV files of an exact length, for transcription tests. */
final class TestAudio {
    private TestAudio() {
    }

    static byte[] wav(int sampleRate, int channels, int bitsPerSample, int frames) {
        int blockAlign = channels * bitsPerSample / 8;
        int dataSize = frames * blockAlign;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataSize).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * blockAlign).putShort((short) blockAlign)
                .putShort((short) bitsPerSample);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataSize);
        return wav.array();
    }
}
