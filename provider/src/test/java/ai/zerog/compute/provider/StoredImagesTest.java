package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredImagesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final StoredImages store = new StoredImages(Duration.ofMinutes(20), 100);

    @Test
    void shouldServeAnImageUntilItsRetentionEnds() {
        store.put("Key-A", List.of(new byte[10], new byte[20]), T0);

        assertThat(store.find("key-a", 1, T0.plusSeconds(60))).get()
                .satisfies(image -> assertThat(image.bytes()).hasSize(20))
                .satisfies(image -> assertThat(image.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(20))));
        assertThat(store.find("key-a", 2, T0)).isEmpty();
        assertThat(store.find("key-a", 0, T0.plus(Duration.ofMinutes(20)))).isEmpty();
    }

    @Test
    void shouldEvictTheOldestAnswersToStayUnderTheByteCap() {
        store.put("a", List.of(new byte[40]), T0);
        store.put("b", List.of(new byte[40]), T0.plusSeconds(1));
        store.put("c", List.of(new byte[40]), T0.plusSeconds(2));

        assertThat(store.find("a", 0, T0.plusSeconds(3))).isEmpty();
        assertThat(store.find("b", 0, T0.plusSeconds(3))).isPresent();
        assertThat(store.find("c", 0, T0.plusSeconds(3))).isPresent();
        assertThat(store.storedBytes()).isEqualTo(80);
    }

    @Test
    void shouldDropExpiredAnswersWhenStoringAndRefuseAnswersLargerThanTheCap() {
        store.put("old", List.of(new byte[10]), T0);
        store.put("new", List.of(new byte[10]), T0.plus(Duration.ofHours(1)));

        assertThat(store.storedBytes()).isEqualTo(10);
        assertThat(store.put("huge", List.of(new byte[60], new byte[60]), T0)).isFalse();
        assertThat(store.find("huge", 0, T0)).isEmpty();
    }

    @Test
    void shouldTellTheContentTypeFromTheMagicBytes() {
        assertThat(image(DevImagePainter.png(new byte[32], 4, 4)).contentType()).isEqualTo("image/png");
        assertThat(image(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}).contentType())
                .isEqualTo("image/jpeg");
        assertThat(image("RIFF\0\0\0\0WEBPVP8 ".getBytes()).contentType()).isEqualTo("image/webp");
        assertThat(image("GIF89a".getBytes()).contentType()).isEqualTo("application/octet-stream");
    }

    private static StoredImages.Image image(byte[] bytes) {
        return new StoredImages.Image(bytes, T0);
    }
}
