package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class MeteredUpstreamTest {
    private static final UpstreamRequest CHAT = new UpstreamRequest("/chat/completions", "application/json", new byte[0]);

    /** Every reading of the time moves it on by 1 ms, so each call lasts exactly 1 ms. */
    private final AtomicLong millis = new AtomicLong();
    private final LongSupplier ticks = () -> millis.getAndIncrement() * 1_000_000L;
    private final BrokerMetrics metrics = BrokerMetrics.prometheus();

    @Test
    void shouldTimeAnAnsweredCallUntilTheAnswerIsClosed() throws IOException {
        Upstream upstream = new MeteredUpstream(request -> answer(200, new ByteArrayInputStream(new byte[10])), metrics,
                ticks);

        try (UpstreamResponse response = upstream.send(CHAT)) {
            assertThat(response.body().readAllBytes()).hasSize(10);
        }

        assertThat(upstreamCalls("ok")).isEqualByComparingTo("1");
        assertThat(text().sum("zg_broker_upstream_duration_seconds_sum", "endpoint", "chat/completions"))
                .isEqualByComparingTo("0.001");
    }

    @Test
    void shouldReportAnErrorStatus() {
        new MeteredUpstream(request -> answer(503, InputStream.nullInputStream()), metrics, ticks).send(CHAT).close();

        assertThat(upstreamCalls("error_status")).isEqualByComparingTo("1");
    }

    @Test
    void shouldReportABodyThatFailsAsCutOff() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("idle timeout");
            }
        };
        UpstreamResponse response = new MeteredUpstream(request -> answer(200, failing), metrics, ticks).send(CHAT);

        assertThatThrownBy(() -> response.body().readAllBytes()).isInstanceOf(IOException.class);
        response.close();
        response.close();

        assertThat(upstreamCalls("cut_off")).isEqualByComparingTo("1");
        assertThat(upstreamCalls("ok")).isEqualByComparingTo("0");
    }

    @Test
    void shouldReportAnUnreachableUpstreamAndRethrow() {
        Upstream upstream = new MeteredUpstream(request -> {
            throw new UpstreamUnavailableException("connection refused");
        }, metrics, ticks);

        assertThatThrownBy(() -> upstream.send(CHAT)).isInstanceOf(UpstreamUnavailableException.class);
        assertThat(upstreamCalls("unavailable")).isEqualByComparingTo("1");
    }

    private java.math.BigDecimal upstreamCalls(String outcome) {
        return text().sum("zg_broker_upstream_duration_seconds_count", "endpoint", "chat/completions", "outcome", outcome);
    }

    private PrometheusText text() {
        return new PrometheusText(metrics.scrape());
    }

    private static UpstreamResponse answer(int status, InputStream body) {
        return new UpstreamResponse() {
            @Override
            public int status() {
                return status;
            }

            @Override
            public String contentType() {
                return "application/json";
            }

            @Override
            public Map<String, List<String>> headers() {
                return Map.of();
            }

            @Override
            public InputStream body() {
                return body;
            }

            @Override
            public void close() {
            }
        };
    }
}
