package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * SQL of the {@code unsettled_total} table: per user, the sum of the fee records not yet settled,
 * kept in the same transactions that record and settle them, so the request path reads one row
 * instead of adding up every unsettled record.
 */
final class UnsettledTotalTable {
    private final StoreDialect dialect;

    UnsettledTotalTable(StoreDialect dialect) {
        this.dialect = dialect;
    }

    BigInteger total(Connection c, Address user) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT total FROM unsettled_total WHERE user_address = ?")) {
            s.setString(1, user.hex());
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? dialect.money(row, "total") : BigInteger.ZERO;
            }
        }
    }

    /** Adds {@code amount} (negative when records are settled) to {@code user}'s total. */
    void add(Connection c, Address user, BigInteger amount) throws SQLException {
        if (dialect == StoreDialect.POSTGRESQL) {
            // exact NUMERIC arithmetic in one statement, safe beside other replicas' writes
            try (PreparedStatement s = c.prepareStatement("INSERT INTO unsettled_total (user_address, total)"
                    + " VALUES (?, ?) ON CONFLICT (user_address) DO UPDATE SET total = unsettled_total.total + excluded.total")) {
                s.setString(1, user.hex());
                dialect.setMoney(s, 2, amount);
                s.executeUpdate();
            }
            return;
        }
        // SQLite keeps decimal text and cannot add it exactly; the write transaction holds the
        // database's only write lock, so reading and writing back here cannot lose an update.
        set(c, user, total(c, user).add(amount));
    }

    void set(Connection c, Address user, BigInteger total) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO unsettled_total (user_address, total) VALUES (?, ?)"
                + " ON CONFLICT (user_address) DO UPDATE SET total = excluded.total")) {
            s.setString(1, user.hex());
            dialect.setMoney(s, 2, total);
            s.executeUpdate();
        }
    }
}
