package ai.zerog.compute.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ServiceHealth;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The status API cache behind the catalogue, against status APIs served on loopback. */
class StatusBoardTest {
    static final Address PROVIDER = Address.of("0x" + "ab".repeat(20));
    static final Address OTHER = Address.of("0x" + "cd".repeat(20));
    static final Duration WAIT = Duration.ofMillis(500);

    /** A clock the test moves by hand. */
    static final class TestClock implements InstantSource {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }
    }

    @Test
    void shouldAskTheStatusApiOncePerFreshnessPeriod() {
        TestClock clock = new TestClock();
        try (FakeStatusApi api = FakeStatusApi.serving(FakeStatusApi.health(
                FakeStatusApi.entry(PROVIDER.hex(), "model-a", "healthy", "99.5", "120.4")));
             StatusBoard board = new StatusBoard(Optional.of(api.url()), clock, WAIT)) {
            StatusBoard.Reading first = board.current();
            api.answer(FakeStatusApi.health(FakeStatusApi.entry(PROVIDER.hex(), "model-a", "critical", "40", "900")));
            clock.advance(StatusBoard.FRESH_FOR.minusSeconds(1));
            StatusBoard.Reading cached = board.current();
            clock.advance(Duration.ofSeconds(2));
            StatusBoard.Reading refreshed = board.current();

            assertThat(first.state()).isEqualTo(StatusBoard.State.OK);
            assertThat(cached.snapshot().health()).extracting(ServiceHealth::status).containsExactly("healthy");
            assertThat(refreshed.snapshot().health()).extracting(ServiceHealth::status).containsExactly("critical");
            assertThat(api.healthCalls()).isEqualTo(2);
        }
    }

    @Test
    void shouldAskNothingWhenSwitchedOff() {
        try (FakeStatusApi api = FakeStatusApi.serving(FakeStatusApi.health());
             StatusBoard board = new StatusBoard(Optional.empty(), new TestClock(), WAIT)) {
            assertThat(board.current().state()).isEqualTo(StatusBoard.State.OFF);
            assertThat(board.endpoint()).isEmpty();
            assertThat(api.healthCalls()).isZero();
        }
    }

    @Test
    void shouldBeUnavailableWhenNothingListensAndRememberThatForAWhile() {
        TestClock clock = new TestClock();
        try (StatusBoard board = new StatusBoard(Optional.of(FakeStatusApi.nowhere()), clock, WAIT)) {
            assertThat(board.current().state()).isEqualTo(StatusBoard.State.UNAVAILABLE);
            assertThat(board.current().snapshot().health()).isEmpty();
        }
    }

    @Test
    void shouldCountAStatusApiThatMonitorsNothingAsUnavailable() {
        try (FakeStatusApi api = FakeStatusApi.serving("{\"services\":[]}");
             StatusBoard board = new StatusBoard(Optional.of(api.url()), new TestClock(), WAIT)) {
            assertThat(board.current().state()).isEqualTo(StatusBoard.State.UNAVAILABLE);
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.SECONDS) // below the SDK's 10 s status API timeout: the board must not wait for it
    void shouldNotWaitForAHangingStatusApiBeyondItsShortWait() {
        try (FakeStatusApi api = FakeStatusApi.hanging();
             StatusBoard board = new StatusBoard(Optional.of(api.url()), new TestClock(), WAIT)) {
            StatusBoard.Reading first = board.current();
            StatusBoard.Reading second = board.current();

            assertThat(first.state()).isEqualTo(StatusBoard.State.UNAVAILABLE);
            assertThat(second.state()).isEqualTo(StatusBoard.State.UNAVAILABLE);
            assertThat(api.healthCalls()).as("the second page load joins the fetch in flight").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void shouldMatchAServiceByModelNameThenByPartOfIt() {
        try (FakeStatusApi api = FakeStatusApi.serving(FakeStatusApi.health(
                FakeStatusApi.entry(PROVIDER.hex().toUpperCase().replace("0X", "0x"), "org/Model-A", "healthy", "99", "100"),
                FakeStatusApi.entry(PROVIDER.hex(), "model-b", "warning", "75", "300")));
             StatusBoard board = new StatusBoard(Optional.of(api.url()), new TestClock(), WAIT)) {
            var snapshot = board.current().snapshot();

            assertThat(StatusBoard.healthOf(snapshot, PROVIDER, "MODEL-B")).map(ServiceHealth::status).hasValue("warning");
            assertThat(StatusBoard.healthOf(snapshot, PROVIDER, "model-a")).map(ServiceHealth::status).hasValue("healthy");
            assertThat(StatusBoard.healthOf(snapshot, PROVIDER, "model-c")).isEmpty();
            assertThat(StatusBoard.healthOf(snapshot, OTHER, "model-b")).isEmpty();
        }
    }
}
