package ai.zerog.compute.provider;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs store work on a pooled connection: reads as they come, writes each in a committed
 * transaction through one {@link GroupCommit} writer (so concurrent writes share a commit).
 */
final class Jdbc implements AutoCloseable {
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final GroupCommit writes;

    Jdbc(DataSource dataSource, String writerName) {
        this.dataSource = dataSource;
        this.writes = new GroupCommit(dataSource, writerName);
    }

    <T> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
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
    }

    static ProviderException failure(String what, SQLException e) {
        return new ProviderException("fee store could not " + what + ": " + e.getMessage(), e);
    }
}
