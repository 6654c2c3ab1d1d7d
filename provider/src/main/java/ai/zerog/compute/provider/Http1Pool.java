package ai.zerog.compute.provider;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The idle kept-alive connections of an {@link Http1Client}, most recently used first. A
 * connection idle longer than {@link #KEEP_IDLE_NANOS} is closed rather than reused: servers
 * close theirs after a while, and a request sent on such a connection would have to go again.
 */
final class Http1Pool implements AutoCloseable {
    private static final long KEEP_IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MAX_IDLE = 256;

    private final ConcurrentLinkedDeque<Http1Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;

    /** The most recently used idle connection still young enough, if any (else null). */
    Http1Connection take() {
        for (Http1Connection connection; (connection = idle.pollFirst()) != null; ) {
            idleCount.decrementAndGet();
            if (System.nanoTime() - connection.idleSince() < KEEP_IDLE_NANOS) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    /** Keeps a connection whose exchange is over for the next one, and drops those idle too long. */
    void give(Http1Connection connection) {
        long now = System.nanoTime();
        connection.markIdle(now);
        if (closed || idleCount.incrementAndGet() > MAX_IDLE) {
            idleCount.decrementAndGet();
            connection.close();
            return;
        }
        idle.offerFirst(connection);
        for (Http1Connection oldest; (oldest = idle.peekLast()) != null && now - oldest.idleSince() > KEEP_IDLE_NANOS; ) {
            if (idle.removeLastOccurrence(oldest)) {
                idleCount.decrementAndGet();
                oldest.close();
            }
        }
    }

    /** Closes the idle connections; those in use are closed when given back. */
    @Override
    public void close() {
        closed = true;
        for (Http1Connection connection; (connection = idle.pollFirst()) != null; ) {
            idleCount.decrementAndGet();
            connection.close();
        }
    }
}
