package ai.zerog.compute.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The images of answers returned by URL (PROTOCOL.md §9.6), by chat key, for as long as their
 * signature is kept. Held in memory under a total byte cap: when a new answer does not fit, the
 * oldest answers go first (they are the closest to expiry anyway). An answer larger than the
 * whole cap is not stored at all.
 */
final class StoredImages {
    /** Room for some hundred large (1-2 MB) images; the dev model's are a few kB. */
    static final long DEFAULT_CAPACITY_BYTES = 256L * 1024 * 1024;

    private final Duration retention;
    private final long capacityBytes;
    private final Map<String, Answer> answers = new LinkedHashMap<>(); // oldest first
    private long storedBytes;

    StoredImages(Duration retention, long capacityBytes) {
        if (retention.isNegative() || retention.isZero() || capacityBytes <= 0) {
            throw new ProviderException("image retention and capacity must be positive, got " + retention + " / "
                    + capacityBytes);
        }
        this.retention = retention;
        this.capacityBytes = capacityBytes;
    }

    /** One stored image: its bytes and until when it is served. */
    record Image(byte[] bytes, Instant expiresAt) {
        /** From the magic bytes: PNG, JPEG or WebP, else unknown bytes. */
        String contentType() {
            if (startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                return "image/png";
            }
            if (startsWith(0xFF, 0xD8, 0xFF)) {
                return "image/jpeg";
            }
            if (startsWith('R', 'I', 'F', 'F') && bytes.length >= 12 && bytes[8] == 'W' && bytes[9] == 'E'
                    && bytes[10] == 'B' && bytes[11] == 'P') {
                return "image/webp";
            }
            return "application/octet-stream";
        }

        private boolean startsWith(int... magic) {
            if (bytes.length < magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if ((bytes[i] & 0xFF) != magic[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Answer(List<byte[]> images, Instant expiresAt, long size) {
    }

    /** Keeps {@code images} under {@code chatKey} from {@code now}; false when they alone exceed the cap. */
    synchronized boolean put(String chatKey, List<byte[]> images, Instant now) {
        long size = images.stream().mapToLong(image -> image.length).sum();
        if (size > capacityBytes) {
            return false;
        }
        Iterator<Answer> oldest = answers.values().iterator();
        while (oldest.hasNext()) {
            Answer answer = oldest.next();
            if (storedBytes + size <= capacityBytes && answer.expiresAt().isAfter(now)) {
                break;
            }
            storedBytes -= answer.size();
            oldest.remove();
        }
        Answer previous = answers.put(key(chatKey), new Answer(List.copyOf(images), now.plus(retention), size));
        storedBytes += size - (previous == null ? 0 : previous.size());
        return true;
    }

    /** The {@code index}-th image of the answer {@code chatKey}, unless unknown, evicted or expired at {@code now}. */
    synchronized Optional<Image> find(String chatKey, int index, Instant now) {
        Answer answer = answers.get(key(chatKey));
        if (answer == null || !answer.expiresAt().isAfter(now) || index < 0 || index >= answer.images().size()) {
            return Optional.empty();
        }
        return Optional.of(new Image(answer.images().get(index), answer.expiresAt()));
    }

    synchronized long storedBytes() {
        return storedBytes;
    }

    private static String key(String chatKey) {
        return chatKey.toLowerCase(Locale.ROOT);
    }
}
