package ai.zerog.compute.cli.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A provider's response body whose reads wait at most {@code idleTimeout} for the next bytes: the
 * JDK's own stream waits forever on a stalled provider, and a whole-request timeout would cut
 * long streams. Pulls one buffer list at a time; a timeout or {@link #close()} cancels the
 * subscription, which makes the HTTP client drop the connection.
 */
final class IdleTimeoutStream extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
    private static final Object END = new Object();
    private static final Object CLOSED = new Object();

    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private final Deque<ByteBuffer> pending = new ArrayDeque<>();
    private final Duration idleTimeout;
    private final String source;
    private volatile boolean closed;
    private volatile boolean ended;

    IdleTimeoutStream(Duration idleTimeout, String source) {
        this.idleTimeout = idleTimeout;
        this.source = source;
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedStage(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.complete(s) || closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        events.add(item);
    }

    @Override
    public void onError(Throwable error) {
        events.add(error);
    }

    @Override
    public void onComplete() {
        events.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, buffer.length);
        while (true) {
            if (closed) {
                throw new IOException("the answer of " + source + " was abandoned");
            }
            while (!pending.isEmpty() && !pending.peekFirst().hasRemaining()) {
                pending.removeFirst();
            }
            if (!pending.isEmpty()) {
                ByteBuffer head = pending.peekFirst();
                int n = Math.min(len, head.remaining());
                head.get(buffer, off, n);
                return n;
            }
            if (ended) {
                return -1;
            }
            awaitNext();
        }
    }

    @SuppressWarnings("unchecked")
    private void awaitNext() throws IOException {
        Object next;
        try {
            next = events.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while reading the answer of " + source);
        }
        if (next == null) {
            close();
            throw new HttpTimeoutException(source + " sent nothing for " + idleTimeout.toSeconds() + " s");
        } else if (next == END) {
            ended = true;
        } else if (next instanceof Throwable error) {
            throw new IOException("the answer of " + source + " was cut off: " + error, error);
        } else if (next != CLOSED) {
            pending.addAll((List<ByteBuffer>) next);
            subscription.thenAccept(s -> s.request(1));
        }
    }

    /** Drops the connection unless the body was read to the end; safe from any thread. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (!ended) {
                subscription.thenAccept(Flow.Subscription::cancel);
            }
            events.add(CLOSED);
        }
    }
}
