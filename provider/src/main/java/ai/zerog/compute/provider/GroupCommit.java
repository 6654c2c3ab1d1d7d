package ai.zerog.compute.provider;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;

/**
 * Write transactions of many threads, run by one writer thread that commits whatever has queued
 * up meanwhile as one transaction: one durable commit (one fsync) for the whole group instead of
 * one each, and no writers fighting over the database's write lock. Every caller still returns
 * only after its own work is committed. When a work fails, its group is rolled back and each of
 * its works runs again in a transaction of its own, so a refusal fails only its own caller; when
 * the commit itself fails, every caller of the group gets that failure.
 */
final class GroupCommit implements AutoCloseable {
    static final int MAX_GROUP = 256;

    private static final class Pending<T> {
        final String what;
        final Jdbc.Work<T> work;
        final CompletableFuture<T> done = new CompletableFuture<>();
        T result;

        Pending(String what, Jdbc.Work<T> work) {
            this.what = what;
            this.work = work;
        }

        void runOn(Connection connection) throws SQLException {
            result = work.run(connection);
        }

        void complete() {
            done.complete(result);
        }
    }

    private static final Pending<Void> STOP = new Pending<>("stop", c -> null);

    private final DataSource dataSource;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final ReadWriteLock state = new ReentrantReadWriteLock();
    private final Thread writer;
    private boolean closed;
    /** Only the writer thread touches it. */
    private StatementCache held;

    GroupCommit(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.writer = Thread.ofPlatform().daemon().name(name).start(this::writeUntilStopped);
    }

    /** Runs {@code work} in a committed transaction (shared with other callers'); returns once it is committed. */
    <T> T run(String what, Jdbc.Work<T> work) {
        Pending<T> pending = new Pending<>(what, work);
        state.readLock().lock();
        try {
            if (closed) {
                throw new ProviderException("fee store is closed: cannot " + what);
            }
            queue.add(pending);
        } finally {
            state.readLock().unlock();
        }
        try {
            return pending.done.join(); // uninterruptible: the caller learns the outcome of a write it started
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new ProviderException("fee store could not " + what + ": " + e.getCause(), e.getCause());
        }
    }

    /** Commits what is queued, then stops the writer; later calls are refused. */
    @Override
    public void close() {
        state.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        } finally {
            state.writeLock().unlock();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilStopped() {
        List<Pending<?>> group = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() ends the writer, after the queue is empty
            }
            queue.drainTo(group, MAX_GROUP - 1);
            stop = group.remove(STOP); // nothing is queued after it
            try {
                commit(group);
            } catch (Throwable e) {
                group.forEach(p -> p.done.completeExceptionally(e)); // no caller may wait forever
            }
            group.clear();
        }
        release();
    }

    private void commit(List<Pending<?>> group) {
        if (group.isEmpty()) {
            return;
        }
        boolean done;
        try {
            done = commitTogether(connection(), group);
        } catch (SQLException e) {
            release();
            group.forEach(p -> p.done.completeExceptionally(Jdbc.failure(p.what, e)));
            return;
        }
        if (!done) {
            group.forEach(this::commitAlone);
        }
    }

    /**
     * The writer's connection with its cached statements, kept across groups (a prepare costs more
     * than a small write) and handed back to the pool now and then, or at once after a failure.
     */
    private StatementCache connection() throws SQLException {
        if (held != null && held.expired()) {
            release();
        }
        if (held == null) {
            held = new StatementCache(dataSource.getConnection());
        }
        return held;
    }

    private void release() {
        if (held != null) {
            held.close();
            held = null;
        }
    }

    /**
     * Runs every work in one transaction and commits it, completing the callers; false (all rolled
     * back) when a work of a larger group failed, so each must run alone.
     */
    private static boolean commitTogether(StatementCache cache, List<Pending<?>> group) throws SQLException {
        cache.begin();
        try {
            for (Pending<?> pending : group) {
                try {
                    pending.runOn(cache.view());
                } catch (SQLException | RuntimeException e) {
                    cache.rollback();
                    if (group.size() > 1) {
                        return false;
                    }
                    pending.done.completeExceptionally(
                            e instanceof SQLException sql ? Jdbc.failure(pending.what, sql) : e);
                    return true;
                }
            }
            cache.commit();
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(cache); // nothing to do after a rollback above; after a failed commit, ends the transaction
            throw e;
        }
        group.forEach(Pending::complete);
        return true;
    }

    private void commitAlone(Pending<?> pending) {
        try {
            StatementCache cache = connection();
            cache.begin();
            try {
                pending.runOn(cache.view());
                cache.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(cache);
                throw e;
            }
            pending.complete();
        } catch (SQLException e) {
            release();
            pending.done.completeExceptionally(Jdbc.failure(pending.what, e));
        } catch (RuntimeException e) {
            pending.done.completeExceptionally(e);
        }
    }

    private static void rollbackQuietly(StatementCache cache) {
        try {
            cache.rollback();
        } catch (SQLException e) {
            // the connection is broken; the pool will replace it and the callers get the first failure
        }
    }
}
