package ai.zerog.compute.provider;

import ai.zerog.compute.core.ProviderError;
import java.math.BigInteger;
import java.time.Duration;

/**
 * What the broker reports about itself: requests, upstream calls, fees, rejections and
 * settlement rounds. Every method has a no-op default, so {@link #NONE} (the default in
 * {@link ProviderParts}) lets the request path call it unconditionally, as HikariCP's
 * {@code IMetricsTracker} does. Labels are bounded: endpoints, statuses and catalogue names,
 * never a user address.
 */
public interface BrokerMetrics {
    /** Records nothing; {@link #scrape()} is empty. */
    BrokerMetrics NONE = new BrokerMetrics() {
    };

    /** Metrics kept in a Prometheus registry of this broker's own, served at {@code GET /metrics}. */
    static BrokerMetrics prometheus() {
        return new PrometheusBrokerMetrics();
    }

    /** How an upstream call ended. */
    enum UpstreamOutcome {
        /** A 2xx answer whose body never failed while read. */
        OK,
        /** An answer with a non-2xx status (passed through, not charged). */
        ERROR_STATUS,
        /** The answer's body failed or stalled before its end. */
        CUT_OFF,
        /** No answer: unreachable or no headers within the timeout. */
        UNAVAILABLE
    }

    /** A billed request entered the request path; each call is paired with one {@link #requestFinished}. */
    default void requestStarted() {
    }

    /**
     * A billed request left the request path.
     *
     * @param endpoint the OpenAI path below {@code /v1}, e.g. {@code chat/completions}
     * @param status   the HTTP status answered
     * @param streamed whether the answer was relayed as server-sent events
     */
    default void requestFinished(String endpoint, int status, boolean streamed, Duration duration) {
    }

    /** An upstream call ended; {@code duration} runs from sending until the answer was closed. */
    default void upstreamFinished(String endpoint, UpstreamOutcome outcome, Duration duration) {
    }

    /** A fee of {@code neuron} was recorded for an answered request. */
    default void feeRecorded(String endpoint, BigInteger neuron) {
    }

    /** The broker answered with a catalogued error (a refusal, or {@code INTERNAL_ERROR}). */
    default void rejected(ProviderError reason) {
    }

    /** A settlement round finished with {@code report}. */
    default void settlementRound(SettlementReport report) {
    }

    /** A settlement round failed with an exception; the next round retries. */
    default void settlementRoundFailed() {
    }

    /** Everything recorded, in the Prometheus text format 0.0.4; empty when nothing is kept. */
    default String scrape() {
        return "";
    }
}
