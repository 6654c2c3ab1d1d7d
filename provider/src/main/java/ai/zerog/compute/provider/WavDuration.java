package ai.zerog.compute.provider;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the playing time of a RIFF/WAVE file from its header: {@code data} chunk size divided
 * by the {@code fmt } chunk's byte rate. A {@code data} size larger than the file (streamed
 * WAVs write 0xFFFFFFFF) counts the bytes actually present.
 */
final class WavDuration {
    private WavDuration() {
    }

    static Optional<Double> seconds(byte[] file) {
        if (file.length < 12 || !tag(file, 0, "RIFF") || !tag(file, 8, "WAVE")) {
            return Optional.empty();
        }
        ByteBuffer le = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        long byteRate = 0;
        int pos = 12;
        while (pos + 8 <= file.length) {
            long size = Integer.toUnsignedLong(le.getInt(pos + 4));
            int body = pos + 8;
            if (tag(file, pos, "fmt ") && body + 12 <= file.length) {
                byteRate = Integer.toUnsignedLong(le.getInt(body + 8));
            } else if (tag(file, pos, "data")) {
                long present = Math.min(size, file.length - body);
                return byteRate == 0 ? Optional.empty() : Optional.of((double) present / byteRate);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        return Optional.empty();
    }

    private static boolean tag(byte[] file, int at, String tag) {
        return at + 4 <= file.length && new String(file, at, 4, StandardCharsets.US_ASCII).equals(tag);
    }
}
