package ai.zerog.compute.provider;

import ai.zerog.compute.core.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** SQL of the {@code response_signature} table; chat keys are stored lower-cased (PROTOCOL.md §5.2). */
final class SignatureTable {

    void upsert(Connection c, String chatKey, String text, Signature signature, Instant createdAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO response_signature (chat_key, text, signature,"
                + " created_at_ms) VALUES (?, ?, ?, ?) ON CONFLICT (chat_key) DO UPDATE SET text = excluded.text,"
                + " signature = excluded.signature, created_at_ms = excluded.created_at_ms")) {
            s.setString(1, key(chatKey));
            s.setString(2, text);
            s.setString(3, signature.hex());
            s.setLong(4, createdAt.toEpochMilli());
            s.executeUpdate();
        }
    }

    Optional<StoredSignature> find(Connection c, String chatKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM response_signature WHERE chat_key = ?")) {
            s.setString(1, key(chatKey));
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredSignature(row.getString("chat_key"), row.getString("text"),
                        Signature.of(row.getString("signature")), Instant.ofEpochMilli(row.getLong("created_at_ms"))));
            }
        }
    }

    int purgeOlderThan(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM response_signature WHERE created_at_ms < ?")) {
            s.setLong(1, cutoff.toEpochMilli());
            return s.executeUpdate();
        }
    }

    private static String key(String chatKey) {
        return chatKey.toLowerCase(Locale.ROOT);
    }
}
