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

    /** A pool on a SQLite file, committing as {@code durability} says. */
    static HikariDataSource sqlite(String file, SqliteDurability durability) {
        HikariConfig config = SQLITE.config();
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setMaximumPoolSize(4);
        // WAL lets readers run beside the writer; FULL makes each commit survive a power cut,
        // NORMAL only a process crash (see SqliteDurability);
        // IMMEDIATE takes the write lock at BEGIN so two writers queue instead of deadlocking.
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", durability.synchronousPragma());
        config.addDataSourceProperty("busy_timeout", "30000");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        // Unused (we read ids with RETURNING); the driver would run an extra query after every INSERT.
        config.addDataSourceProperty("jdbc.get_generated_keys", "false");
        return SQLITE.open(config, file);
    }

    /** A pool on a PostgreSQL database. */
    static HikariDataSource postgres(String jdbcUrl, String user, String password) {
        HikariConfig config = POSTGRESQL.config();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        return POSTGRESQL.open(config, jdbcUrl);
    }

    private HikariConfig config() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("zg-fee-store-" + folder);
        config.setMinimumIdle(1);
        return config;
    }

    private HikariDataSource open(HikariConfig config, String target) {
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
