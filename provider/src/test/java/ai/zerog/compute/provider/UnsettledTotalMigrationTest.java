package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store written before migration 2 opens with each user's unsettled total exactly summed. */
class UnsettledTotalMigrationTest {
    private static final Address ALICE = Address.of("0x1000000000000000000000000000000000000001");
    private static final Address BOB = Address.of("0x2000000000000000000000000000000000000002");

    @TempDir
    Path folder;

    @Test
    void existingUnsettledRecordsAreSummedExactlyAndSettledOnesLeftOut() throws Exception {
        Path file = folder.resolve("fees.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, "", "").locations(StoreDialect.SQLITE.migrations()).target("1").load().migrate();
        BigInteger wide = BigInteger.TWO.pow(200).add(BigInteger.ONE);
        try (Connection c = DriverManager.getConnection(url)) {
            insert(c, "a1", ALICE, wide, false);
            insert(c, "a2", ALICE, wide, false);
            insert(c, "a3", ALICE, BigInteger.valueOf(5), true);
            insert(c, "b1", BOB, BigInteger.valueOf(7), false);
        }

        try (FeeStore store = FeeStore.sqlite(file)) {
            assertThat(store.unsettledFee(ALICE)).isEqualTo(wide.shiftLeft(1));
            assertThat(store.unsettledFee(BOB)).isEqualTo(7);
            store.record(new FeeRecord("b2", BOB, BigInteger.ONE, BigInteger.TWO, java.time.Instant.EPOCH));
            assertThat(store.unsettledFee(BOB)).isEqualTo(10);
        }
    }

    private static void insert(Connection c, String hash, Address user, BigInteger fee, boolean settled)
            throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO fee_record (request_hash, user_address, input_fee,"
                + " output_fee, fee, created_at_ms, settled) VALUES (?, ?, '0', ?, ?, 0, ?)")) {
            s.setString(1, hash);
            s.setString(2, user.hex());
            s.setString(3, fee.toString());
            s.setString(4, fee.toString());
            s.setBoolean(5, settled);
            s.executeUpdate();
        }
    }
}
