package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.SettlementStatus;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.TeeSettlement;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of the {@code settlement_batch} table: the signed items, their transactions and outcomes. */
final class BatchTable {
    private static final String OPEN = "state IN ('SIGNED', 'SENT')";

    private final StoreDialect dialect;

    BatchTable(StoreDialect dialect) {
        this.dialect = dialect;
    }

    long insert(Connection c, NewBatch batch) throws SQLException {
        TeeSettlement item = batch.item();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO settlement_batch (user_address, provider_address,"
                + " total_fee, requests_hash, nonce, signature, record_count, from_block, state, created_at_ms,"
                + " updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SIGNED', ?, ?) RETURNING id")) {
            s.setString(1, item.user().hex());
            s.setString(2, item.provider().hex());
            dialect.setMoney(s, 3, item.totalFee());
            s.setString(4, item.requestsHash().hex());
            dialect.setMoney(s, 5, item.nonce());
            s.setString(6, item.signature().hex());
            s.setInt(7, batch.requestHashes().size());
            s.setLong(8, batch.fromBlock());
            s.setLong(9, batch.createdAt().toEpochMilli());
            s.setLong(10, batch.createdAt().toEpochMilli());
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    Optional<SettlementBatch> find(Connection c, long id) throws SQLException {
        List<SettlementBatch> found = query(c, "SELECT * FROM settlement_batch WHERE id = ?", id);
        return found.stream().findFirst();
    }

    List<SettlementBatch> open(Connection c) throws SQLException {
        return query(c, "SELECT * FROM settlement_batch WHERE " + OPEN + " ORDER BY id");
    }

    List<SettlementBatch> latest(Connection c, int limit) throws SQLException {
        return query(c, "SELECT * FROM settlement_batch ORDER BY id DESC LIMIT ?", limit);
    }

    List<SettlementBatch> latest(Connection c, Address user, int limit) throws SQLException {
        return query(c, "SELECT * FROM settlement_batch WHERE user_address = ? ORDER BY id DESC LIMIT ?",
                user.hex(), limit);
    }

    BigInteger shortfall(Connection c, Address user) throws SQLException {
        BigInteger sum = BigInteger.ZERO;
        for (SettlementBatch batch : query(c,
                "SELECT * FROM settlement_batch WHERE user_address = ? AND state = 'SETTLED' AND status = 'PARTIAL'",
                user.hex())) {
            sum = sum.add(batch.shortfall());
        }
        return sum;
    }

    void markSent(Connection c, List<Long> ids, Hash32 transaction, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE settlement_batch SET state = 'SENT', tx_hash = ?,"
                + " updated_at_ms = ? WHERE id = ? AND " + OPEN)) {
            for (long id : ids) {
                s.setString(1, transaction.hex());
                s.setLong(2, at.toEpochMilli());
                s.setLong(3, id);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Closes an open batch; returns false if it was not open. */
    boolean complete(Connection c, long id, BatchOutcome outcome, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE settlement_batch SET state = ?, status = ?,"
                + " shortfall = ?, detail = ?, updated_at_ms = ? WHERE id = ? AND " + OPEN)) {
            s.setString(1, outcome.state().name());
            s.setString(2, outcome.status().map(Enum::name).orElse(null));
            dialect.setMoney(s, 3, outcome.shortfall());
            s.setString(4, outcome.detail());
            s.setLong(5, at.toEpochMilli());
            s.setLong(6, id);
            return s.executeUpdate() == 1;
        }
    }

    private List<SettlementBatch> query(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<SettlementBatch> out = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    out.add(toBatch(row));
                }
            }
            return out;
        }
    }

    private SettlementBatch toBatch(ResultSet row) throws SQLException {
        TeeSettlement item = new TeeSettlement(Address.of(row.getString("user_address")),
                Address.of(row.getString("provider_address")), dialect.money(row, "total_fee"),
                Hash32.of(row.getString("requests_hash")), dialect.money(row, "nonce"),
                Signature.of(row.getString("signature")));
        return new SettlementBatch(row.getLong("id"), item, row.getInt("record_count"), row.getLong("from_block"),
                BatchState.valueOf(row.getString("state")),
                Optional.ofNullable(row.getString("tx_hash")).map(Hash32::of),
                Optional.ofNullable(row.getString("status")).map(SettlementStatus::valueOf),
                dialect.money(row, "shortfall"), row.getString("detail"),
                Instant.ofEpochMilli(row.getLong("created_at_ms")), Instant.ofEpochMilli(row.getLong("updated_at_ms")));
    }
}
