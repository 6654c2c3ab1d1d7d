package ai.zerog.compute.provider;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What differs between the two databases: connection setup, migration folder and how an exact
 * uint256 amount is stored (SQLite has no exact wide decimal, so it keeps decimal text;
 * PostgreSQL uses {@code NUMERIC(78,0)}).
 */
enum StoreDialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String folder;

    StoreDialect(String folder) {
        this.folder = folder;
    }

    String migrations() {
        return "classpath:db/migration/" + folder;
    }

    HikariDataSource dataSource(String target, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("zg-fee-store-" + folder);
        config.setMinimumIdle(1);
        if (this == SQLITE) {
            config.setJdbcUrl("jdbc:sqlite:" + target);
            config.setMaximumPoolSize(4);
            // WAL lets readers run beside the writer; FULL makes each commit survive a power cut;
            // IMMEDIATE takes the write lock at BEGIN so two writers queue instead of deadlocking.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            // Unused (we read ids with RETURNING); the driver would run an extra query after every INSERT.
            config.addDataSourceProperty("jdbc.get_generated_keys", "false");
        } else {
            config.setJdbcUrl(target);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(8);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            int query = target.indexOf('?'); // parameters may carry a password
            throw new ProviderException("cannot open the " + folder + " fee store at "
                    + (query < 0 ? target : target.substring(0, query)) + ": " + e.getMessage(), e);
        }
    }

    void setMoney(PreparedStatement statement, int index, BigInteger amount) throws SQLException {
        if (this == SQLITE) {
            statement.setString(index, amount.toString());
        } else {
            statement.setBigDecimal(index, new BigDecimal(amount));
        }
    }

    BigInteger money(ResultSet row, String column) throws SQLException {
        if (this == SQLITE) {
            return new BigInteger(row.getString(column));
        }
        return row.getBigDecimal(column).toBigIntegerExact();
    }
}
