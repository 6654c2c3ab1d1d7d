package ai.zerog.compute.provider;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The settler lease of a PostgreSQL store: a session-level advisory lock, held on one pooled
 * connection for the whole round. If the process dies, the server drops the session and the lock
 * with it, so a dead replica never blocks settlement.
 */
final class AdvisorySettlerLease implements SettlerLease {
    /** Arbitrary fixed key shared by every replica: ASCII "zgSETTLE". */
    static final long KEY = 0x7a67_5345_5454_4c45L;

    private final HikariDataSource pool;
    private final Connection connection;

    private AdvisorySettlerLease(HikariDataSource pool, Connection connection) {
        this.pool = pool;
        this.connection = connection;
    }

    static Optional<SettlerLease> tryAcquire(HikariDataSource pool) {
        try {
            Connection connection = pool.getConnection();
            boolean locked;
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, KEY);
                try (ResultSet row = s.executeQuery()) {
                    locked = row.next() && row.getBoolean(1);
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            if (!locked) {
                connection.close();
                return Optional.empty();
            }
            return Optional.of(new AdvisorySettlerLease(pool, connection));
        } catch (SQLException e) {
            throw new ProviderException("cannot ask PostgreSQL for the settler lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, KEY);
            s.executeQuery().close();
            connection.close();
        } catch (SQLException e) {
            // a session that may still hold the lock must not go back to the pool
            pool.evictConnection(connection);
        }
    }
}
