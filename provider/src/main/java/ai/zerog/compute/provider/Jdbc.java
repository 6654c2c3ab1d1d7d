package ai.zerog.compute.provider;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs store work on a pooled connection, either as is or in one committed transaction. */
final class Jdbc {
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** {@code work} in one transaction; a {@link ProviderException} it throws rolls back and passes through. */
    <T> T write(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static ProviderException failure(String what, SQLException e) {
        return new ProviderException("fee store could not " + what + ": " + e.getMessage(), e);
    }
}
