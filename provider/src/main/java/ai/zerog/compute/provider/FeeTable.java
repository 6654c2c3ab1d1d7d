package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SQL of the {@code fee_record} table. A record is free (batch_id null, not settled), held by an
 * open batch, or settled. Sums are made here in Java: SQLite cannot add wide decimals exactly.
 */
final class FeeTable {
    private final StoreDialect dialect;

    FeeTable(StoreDialect dialect) {
        this.dialect = dialect;
    }

    /** Inserts unless the request hash exists; returns whether it inserted. */
    boolean insert(Connection c, FeeRecord fee) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO fee_record (request_hash, user_address, input_fee,"
                + " output_fee, fee, created_at_ms, settled) VALUES (?, ?, ?, ?, ?, ?, FALSE)"
                + " ON CONFLICT (request_hash) DO NOTHING")) {
            s.setString(1, fee.requestHash());
            s.setString(2, fee.user().hex());
            dialect.setMoney(s, 3, fee.inputFee());
            dialect.setMoney(s, 4, fee.outputFee());
            dialect.setMoney(s, 5, fee.fee());
            s.setLong(6, fee.createdAt().toEpochMilli());
            return s.executeUpdate() == 1;
        }
    }

    Optional<FeeRecord> find(Connection c, String requestHash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM fee_record WHERE request_hash = ?")) {
            s.setString(1, requestHash);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(toRecord(row)) : Optional.empty();
            }
        }
    }

    List<UnsettledUser> freeTotals(Connection c) throws SQLException {
        Map<String, BigInteger> totals = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT user_address, fee FROM fee_record WHERE batch_id IS NULL AND settled = FALSE");
             ResultSet row = s.executeQuery()) {
            while (row.next()) {
                String user = row.getString("user_address");
                totals.merge(user, dialect.money(row, "fee"), BigInteger::add);
                counts.merge(user, 1, Integer::sum);
            }
        }
        List<UnsettledUser> out = new ArrayList<>();
        totals.forEach((user, total) -> out.add(new UnsettledUser(Address.of(user), total, counts.get(user))));
        return out;
    }

    List<FeeRecord> freeRecords(Connection c, Address user, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM fee_record WHERE user_address = ?"
                + " AND batch_id IS NULL AND settled = FALSE ORDER BY created_at_ms, seq LIMIT ?")) {
            s.setString(1, user.hex());
            s.setInt(2, limit);
            List<FeeRecord> out = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    out.add(toRecord(row));
                }
            }
            return out;
        }
    }

    /** Puts each free record of {@code user} named in {@code requestHashes} into the batch; returns how many moved. */
    int claim(Connection c, long batchId, Address user, List<String> requestHashes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE fee_record SET batch_id = ? WHERE request_hash = ?"
                + " AND user_address = ? AND batch_id IS NULL AND settled = FALSE")) {
            for (String hash : requestHashes) {
                s.setLong(1, batchId);
                s.setString(2, hash);
                s.setString(3, user.hex());
                s.addBatch();
            }
            int moved = 0;
            for (int count : s.executeBatch()) {
                moved += count;
            }
            return moved;
        }
    }

    BigInteger batchSum(Connection c, long batchId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT fee FROM fee_record WHERE batch_id = ?")) {
            s.setLong(1, batchId);
            BigInteger sum = BigInteger.ZERO;
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    sum = sum.add(dialect.money(row, "fee"));
                }
            }
            return sum;
        }
    }

    /** Marks the batch's records settled; returns what that paid, per user. */
    Map<Address, BigInteger> settleBatch(Connection c, long batchId) throws SQLException {
        Map<Address, BigInteger> paid = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT user_address, fee FROM fee_record WHERE batch_id = ? AND settled = FALSE")) {
            s.setLong(1, batchId);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    paid.merge(Address.of(row.getString("user_address")), dialect.money(row, "fee"), BigInteger::add);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE fee_record SET settled = TRUE WHERE batch_id = ? AND settled = FALSE")) {
            s.setLong(1, batchId);
            s.executeUpdate();
        }
        return paid;
    }

    void releaseBatch(Connection c, long batchId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE fee_record SET batch_id = NULL WHERE batch_id = ? AND settled = FALSE")) {
            s.setLong(1, batchId);
            s.executeUpdate();
        }
    }

    private FeeRecord toRecord(ResultSet row) throws SQLException {
        return new FeeRecord(row.getString("request_hash"), Address.of(row.getString("user_address")),
                dialect.money(row, "input_fee"), dialect.money(row, "output_fee"),
                Instant.ofEpochMilli(row.getLong("created_at_ms")));
    }
}
