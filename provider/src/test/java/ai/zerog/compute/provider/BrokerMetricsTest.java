package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ai.zerog.compute.core.ProviderError;
import ai.zerog.compute.provider.BrokerMetrics.UpstreamOutcome;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BrokerMetricsTest {
    private static final String CHAT = "chat/completions";

    @Test
    void shouldAcceptEveryCallAndScrapeNothingWhenNone() {
        BrokerMetrics none = BrokerMetrics.NONE;

        assertThatCode(() -> {
            none.requestStarted();
            none.requestFinished(CHAT, 200, true, Duration.ofMillis(5));
            none.upstreamFinished(CHAT, UpstreamOutcome.UNAVAILABLE, Duration.ZERO);
            none.feeRecorded(CHAT, BigInteger.TEN.pow(30));
            none.rejected(ProviderError.RATE_LIMITED);
            none.settlementRound(SettlementReport.skippedRound());
            none.settlementRoundFailed();
        }).doesNotThrowAnyException();
        assertThat(none.scrape()).isEmpty();
    }

    @Test
    void shouldCountRequestsByEndpointStatusAndStreaming() {
        BrokerMetrics metrics = BrokerMetrics.prometheus();
        finished(metrics, CHAT, 200, false);
        finished(metrics, CHAT, 200, false);
        finished(metrics, CHAT, 200, true);
        finished(metrics, "images/generations", 429, false);

        PrometheusText text = new PrometheusText(metrics.scrape());

        assertThat(text.sum("zg_broker_requests_total", "endpoint", CHAT, "status", "200", "streamed", "false"))
                .isEqualByComparingTo("2");
        assertThat(text.sum("zg_broker_requests_total", "endpoint", CHAT, "streamed", "true")).isEqualByComparingTo("1");
        assertThat(text.sum("zg_broker_requests_total", "endpoint", "images/generations", "status", "429"))
                .isEqualByComparingTo("1");
        assertThat(text.sum("zg_broker_request_duration_seconds_count", "endpoint", CHAT)).isEqualByComparingTo("3");
        assertThat(text.sum("zg_broker_request_duration_seconds_sum", "endpoint", CHAT, "streamed", "true"))
                .isEqualByComparingTo("0.25");
    }

    @Test
    void shouldGaugeRequestsInFlight() {
        BrokerMetrics metrics = BrokerMetrics.prometheus();
        metrics.requestStarted();
        metrics.requestStarted();
        metrics.requestFinished(CHAT, 200, false, Duration.ofMillis(1));

        assertThat(new PrometheusText(metrics.scrape()).sum("zg_broker_requests_in_flight")).isEqualByComparingTo("1");
    }

    @Test
    void shouldCountFeesInNeuronExactly() {
        BrokerMetrics metrics = BrokerMetrics.prometheus();
        metrics.feeRecorded(CHAT, new BigInteger("123456789012345"));
        metrics.feeRecorded(CHAT, new BigInteger("1000000000"));

        assertThat(new PrometheusText(metrics.scrape()).sum("zg_broker_fees_neuron_total", "endpoint", CHAT))
                .isEqualByComparingTo("123457789012345");
    }

    @Test
    void shouldCountRejectionsByCatalogueName() {
        BrokerMetrics metrics = BrokerMetrics.prometheus();
        metrics.rejected(ProviderError.RATE_LIMITED);
        metrics.rejected(ProviderError.RATE_LIMITED);
        metrics.rejected(ProviderError.INSUFFICIENT_BALANCE);

        PrometheusText text = new PrometheusText(metrics.scrape());

        assertThat(text.sum("zg_broker_rejections_total", "reason", "RATE_LIMITED")).isEqualByComparingTo("2");
        assertThat(text.sum("zg_broker_rejections_total", "reason", "INSUFFICIENT_BALANCE")).isEqualByComparingTo("1");
    }

    @Test
    void shouldTimeUpstreamCallsByOutcome() {
        BrokerMetrics metrics = BrokerMetrics.prometheus();
        metrics.upstreamFinished(CHAT, UpstreamOutcome.OK, Duration.ofMillis(40));
        metrics.upstreamFinished(CHAT, UpstreamOutcome.CUT_OFF, Duration.ofSeconds(3));

        PrometheusText text = new PrometheusText(metrics.scrape());

        assertThat(text.sum("zg_broker_upstream_duration_seconds_count", "outcome", "ok")).isEqualByComparingTo("1");
        assertThat(text.sum("zg_broker_upstream_duration_seconds_sum", "outcome", "cut_off")).isEqualByComparingTo("3");
        assertThat(text.sum("zg_broker_upstream_duration_seconds_bucket", "outcome", "ok", "le", "0.05"))
                .isEqualByComparingTo("1");
    }

    @Test
    void shouldAddUpSettlementRounds() {
        BrokerMetrics metrics = BrokerMetrics.prometheus();
        metrics.settlementRound(new SettlementReport(false, 2, 3, 1, 0, 2, 0, new BigInteger("5000000000000")));
        metrics.settlementRound(new SettlementReport(false, 1, 1, 0, 1, 0, 0, new BigInteger("7")));
        metrics.settlementRound(SettlementReport.skippedRound());
        metrics.settlementRoundFailed();

        PrometheusText text = new PrometheusText(metrics.scrape());

        assertThat(text.sum("zg_broker_settlement_rounds_total", "result", "ran")).isEqualByComparingTo("2");
        assertThat(text.sum("zg_broker_settlement_rounds_total", "result", "skipped")).isEqualByComparingTo("1");
        assertThat(text.sum("zg_broker_settlement_rounds_total", "result", "failed")).isEqualByComparingTo("1");
        assertThat(text.sum("zg_broker_settlement_transactions_total")).isEqualByComparingTo("3");
        assertThat(text.sum("zg_broker_settlement_settled_items_total")).isEqualByComparingTo("4");
        assertThat(text.sum("zg_broker_settlement_partial_items_total")).isEqualByComparingTo("1");
        assertThat(text.sum("zg_broker_settlement_failed_items_total")).isEqualByComparingTo("2");
        assertThat(text.sum("zg_broker_settlement_settled_neuron_total")).isEqualByComparingTo("5000000000007");
    }

    @Test
    void shouldKeepEachBrokersMetricsApart() {
        BrokerMetrics one = BrokerMetrics.prometheus();
        BrokerMetrics two = BrokerMetrics.prometheus();
        finished(one, CHAT, 200, false);

        assertThat(new PrometheusText(two.scrape()).sum("zg_broker_requests_total")).isEqualByComparingTo(BigDecimal.ZERO);
    }

    private static void finished(BrokerMetrics metrics, String endpoint, int status, boolean streamed) {
        metrics.requestStarted();
        metrics.requestFinished(endpoint, status, streamed, Duration.ofMillis(streamed ? 250 : 10));
    }
}
