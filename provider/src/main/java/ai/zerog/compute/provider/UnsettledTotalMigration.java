package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 2: the {@code unsettled_total} table ({@link UnsettledTotalTable}), filled from the
 * existing unsettled records. Written in Java because SQLite cannot add wide decimals exactly.
 */
final class UnsettledTotalMigration implements JavaMigration {
    private final StoreDialect dialect;

    UnsettledTotalMigration(StoreDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "unsettled totals";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE unsettled_total (user_address TEXT PRIMARY KEY, total "
                    + (dialect == StoreDialect.SQLITE ? "TEXT" : "NUMERIC(78,0)") + " NOT NULL)");
        }
        Map<String, BigInteger> totals = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT user_address, fee FROM fee_record WHERE settled = FALSE");
             ResultSet row = s.executeQuery()) {
            while (row.next()) {
                totals.merge(row.getString("user_address"), dialect.money(row, "fee"), BigInteger::add);
            }
        }
        UnsettledTotalTable table = new UnsettledTotalTable(dialect);
        for (Map.Entry<String, BigInteger> total : totals.entrySet()) {
            table.set(c, Address.of(total.getKey()), total.getValue());
        }
    }
}
