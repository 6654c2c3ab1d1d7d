package ai.zerog.compute.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A response body as an {@link InputStream} whose reads wait at most {@code idleTimeout} for
 * the next bytes: the JDK's own stream would block forever on a stalled upstream, and a
 * request-wide timeout would cut long streams. It pulls one buffer list at a time (back
 * pressure); a timeout or {@link #close()} cancels the subscription, which makes the HTTP
 * client abort the exchange and drop the connection.
 */
final class IdleTimeoutBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
    private static final Object END = new Object();
    private static final Object CLOSED = new Object();
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Duration idleTimeout;
    private final URI uri;
    private Iterator<ByteBuffer> buffers = Collections.emptyIterator();
    private ByteBuffer current = EMPTY;
    private boolean ended;
    private IOException failure;

    IdleTimeoutBody(Duration idleTimeout, URI uri) {
        this.idleTimeout = idleTimeout;
        this.uri = uri;
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedStage(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.complete(s) || closed.get()) {
            s.cancel();
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable error) {
        queue.add(error);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, buffer.length);
        if (len == 0) {
            return 0;
        }
        if (!awaitBytes()) {
            return -1;
        }
        int n = Math.min(len, current.remaining());
        current.get(buffer, off, n);
        return n;
    }

    @Override
    public synchronized int available() {
        return closed.get() ? 0 : current.remaining();
    }

    /** Aborts the exchange unless the body was read to the end; safe from any thread. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            subscription.thenAccept(Flow.Subscription::cancel);
            queue.add(CLOSED);
        }
    }

    private boolean awaitBytes() throws IOException {
        while (true) {
            if (failure != null) {
                throw failure;
            }
            if (closed.get()) {
                throw failure = new IOException("upstream response body from " + uri + " was closed");
            }
            if (current.hasRemaining()) {
                return true;
            }
            if (buffers.hasNext()) {
                current = buffers.next();
            } else if (ended) {
                return false;
            } else {
                take();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void take() throws IOException {
        Object next;
        try {
            next = queue.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw failure = new InterruptedIOException("interrupted while reading upstream " + uri);
        }
        if (next == null) {
            close();
            throw failure = new HttpTimeoutException("upstream " + uri + " sent no bytes for " + idleTimeout
                    + " (idleTimeout); request aborted");
        } else if (next == END) {
            ended = true;
        } else if (next == CLOSED) {
            return; // awaitBytes reports it
        } else if (next instanceof Throwable error) {
            throw failure = new IOException("reading upstream " + uri + " failed: " + error, error);
        } else {
            buffers = ((List<ByteBuffer>) next).iterator();
            subscription.thenAccept(s -> s.request(1));
        }
    }
}
