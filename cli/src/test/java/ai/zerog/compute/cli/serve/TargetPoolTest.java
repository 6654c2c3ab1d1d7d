package ai.zerog.compute.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetPoolTest {
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static Upstream upstream(String id, String type, String model, int priority) {
        return new Upstream(ProxyTarget.endpoint(id, URI.create("http://127.0.0.1:1/v1"), "", model, priority),
                URI.create("http://127.0.0.1:1/v1"), model, type, false, Map::of);
    }

    private final ManualClock clock = new ManualClock();
    private final Upstream chatA = upstream("chat-a", "chatbot", "m1", 5);
    private final Upstream chatB = upstream("chat-b", "chatbot", "m2", 1);
    private final Upstream image = upstream("image", "text-to-image", "img", 0);
    private final TargetPool pool = new TargetPool(List.of(chatA, chatB, image), Duration.ofSeconds(60), clock);

    @Test
    void shouldOrderByPriorityWithinTheRoutesServiceType() {
        assertThat(pool.candidates("chatbot", Optional.empty())).containsExactly(chatB, chatA);
        assertThat(pool.candidates("text-to-image", Optional.empty())).containsExactly(image);
        assertThat(pool.candidates("speech-to-text", Optional.empty())).as("no target of the type: all")
                .containsExactly(image, chatB, chatA);
    }

    @Test
    void shouldPreferTargetsServingTheRequestedModel() {
        assertThat(pool.candidates("chatbot", Optional.of("m1"))).containsExactly(chatA);
        assertThat(pool.candidates("chatbot", Optional.of("unknown"))).containsExactly(chatB, chatA);
    }

    @Test
    void shouldTryAFailedTargetLastUntilItsPauseIsOver() {
        pool.failed(chatB, "HTTP 503 busy");

        assertThat(pool.candidates("chatbot", Optional.empty())).containsExactly(chatA, chatB);
        assertThat(pool.status()).filteredOn(s -> s.id().equals("chat-b")).singleElement()
                .satisfies(s -> {
                    assertThat(s.available()).isFalse();
                    assertThat(s.lastError()).contains("HTTP 503 busy");
                });

        clock.advance(Duration.ofSeconds(60));
        assertThat(pool.candidates("chatbot", Optional.empty())).containsExactly(chatB, chatA);

        pool.failed(chatB, "again");
        pool.succeeded(chatB);
        assertThat(pool.available(chatB)).isTrue();
    }
}
