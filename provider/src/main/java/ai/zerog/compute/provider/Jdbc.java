package ai.zerog.compute.provider;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Runs store work on a pooled connection: reads as they come, writes each in a committed
 * transaction through one {@link GroupCommit} writer (so concurrent writes share a commit).
 * A couple of read connections are kept with their prepared statements (see
 * {@link StatementCache}): the request path reads a user's unsettled total on every request.
 */
final class Jdbc implements AutoCloseable {
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int KEPT_READERS = 2;

    private final DataSource dataSource;
    private final GroupCommit writes;
    private final ConcurrentLinkedQueue<StatementCache> readers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger keptReaders = new AtomicInteger();
    private volatile boolean closed;

    Jdbc(DataSource dataSource, String writerName) {
        this.dataSource = dataSource;
        this.writes = new GroupCommit(dataSource, writerName);
    }

    <T> T read(String what, Work<T> work) {
        StatementCache reader = readers.poll();
        try {
            if (reader == null) {
                reader = new StatementCache(dataSource.getConnection());
            } else {
                keptReaders.decrementAndGet();
            }
            T result = work.run(reader.view());
            keep(reader);
            return result;
        } catch (SQLException e) {
            if (reader != null) {
                reader.close(); // it may be broken: the pool checks it
            }
            throw failure(what, e);
        } catch (RuntimeException e) {
            keep(reader);
            throw e;
        }
    }

    /** Keeps a healthy reader for the next read, unless enough are kept already. */
    private void keep(StatementCache reader) {
        if (reader == null) {
            return;
        }
        if (!closed && !reader.expired()) {
            if (keptReaders.incrementAndGet() <= KEPT_READERS) {
                readers.offer(reader);
                return;
            }
            keptReaders.decrementAndGet();
        }
        reader.close();
    }

    /**
     * {@code work} in a committed transaction, returning once it is durable; a
     * {@link ProviderException} it throws rolls it back and passes through.
     */
    <T> T write(String what, Work<T> work) {
        return writes.run(what, work);
    }

    /** Commits the writes already asked for, then refuses new ones. */
    @Override
    public void close() {
        writes.close();
        closed = true;
        for (StatementCache reader; (reader = readers.poll()) != null; ) {
            reader.close();
        }
    }

    static ProviderException failure(String what, SQLException e) {
        return new ProviderException("fee store could not " + what + ": " + e.getMessage(), e);
    }
}
