package ai.zerog.compute.provider;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;

/**
 * A body produced chunk by chunk on demand, waiting {@code delay} before each chunk marked as
 * paced: how the dev model streams tokens at the pace of a slower model. A read never returns
 * bytes of two chunks, so a relay that flushes per read flushes per chunk.
 */
final class PacedChunkStream extends InputStream {
    record Chunk(byte[] bytes, boolean paced) {
    }

    private final Iterator<Chunk> chunks;
    private final Duration delay;
    private byte[] current = new byte[0];
    private int offset;
    private boolean closed;

    PacedChunkStream(List<Chunk> chunks, Duration delay) {
        this.chunks = List.copyOf(chunks).iterator();
        this.delay = delay;
    }

    @Override
    public int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int off, int len) throws InterruptedIOException {
        if (len == 0) {
            return 0;
        }
        while (offset == current.length) {
            if (closed || !chunks.hasNext()) {
                return -1;
            }
            Chunk next = chunks.next();
            if (next.paced()) {
                pause();
            }
            current = next.bytes();
            offset = 0;
        }
        int n = Math.min(len, current.length - offset);
        System.arraycopy(current, offset, buffer, off, n);
        offset += n;
        return n;
    }

    @Override
    public synchronized void close() {
        closed = true;
        current = new byte[0];
        offset = 0;
    }

    private void pause() throws InterruptedIOException {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the dev model was generating");
        }
    }
}
