package ai.zerog.compute.provider;

import ai.zerog.compute.provider.BrokerMetrics.UpstreamOutcome;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * An {@link Upstream} that reports each call to {@link BrokerMetrics}: from sending until the
 * answer is closed (so a stream counts in full), and whether it answered, failed with a status,
 * was cut off while its body was read, or never answered.
 */
final class MeteredUpstream implements Upstream {
    private final Upstream upstream;
    private final BrokerMetrics metrics;
    private final LongSupplier nanoTime;

    MeteredUpstream(Upstream upstream, BrokerMetrics metrics, LongSupplier nanoTime) {
        this.upstream = upstream;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    @Override
    public UpstreamResponse send(UpstreamRequest request) {
        long start = nanoTime.getAsLong();
        String endpoint = request.endpoint().startsWith("/") ? request.endpoint().substring(1) : request.endpoint();
        try {
            return new Metered(upstream.send(request), endpoint, start);
        } catch (RuntimeException e) {
            metrics.upstreamFinished(endpoint, UpstreamOutcome.UNAVAILABLE, since(start));
            throw e;
        }
    }

    private Duration since(long start) {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    private final class Metered implements UpstreamResponse {
        private final UpstreamResponse answer;
        private final String endpoint;
        private final long start;
        private final InputStream body;
        private volatile boolean cutOff;
        private boolean closed;

        Metered(UpstreamResponse answer, String endpoint, long start) {
            this.answer = answer;
            this.endpoint = endpoint;
            this.start = start;
            this.body = new FilterInputStream(answer.body()) {
                @Override
                public int read() throws IOException {
                    try {
                        return super.read();
                    } catch (IOException e) {
                        cutOff = true;
                        throw e;
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (IOException e) {
                        cutOff = true;
                        throw e;
                    }
                }
            };
        }

        @Override
        public int status() {
            return answer.status();
        }

        @Override
        public String contentType() {
            return answer.contentType();
        }

        @Override
        public Map<String, List<String>> headers() {
            return answer.headers();
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public void close() {
            try {
                answer.close();
            } finally {
                if (!closed) {
                    closed = true;
                    metrics.upstreamFinished(endpoint, outcome(), since(start));
                }
            }
        }

        private UpstreamOutcome outcome() {
            if (cutOff) {
                return UpstreamOutcome.CUT_OFF;
            }
            return answer.status() / 100 == 2 ? UpstreamOutcome.OK : UpstreamOutcome.ERROR_STATUS;
        }
    }
}
