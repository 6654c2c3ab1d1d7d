package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChatKeysTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void shouldBeLowercaseVersion7UuidsCarryingTheMillisecond() {
        String key = ChatKeys.next(Clock.fixed(T0, ZoneOffset.UTC));
        UUID uuid = UUID.fromString(key);

        assertThat(key).hasSize(36).isLowerCase();
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void shouldSortByTimeAndNeverRepeatWithinAMillisecond() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(ChatKeys.next(clock));
        }

        assertThat(keys).hasSize(10_000);
        assertThat(ChatKeys.next(Clock.fixed(T0.plusMillis(1), ZoneOffset.UTC)))
                .isGreaterThan(ChatKeys.next(clock));
    }
}
