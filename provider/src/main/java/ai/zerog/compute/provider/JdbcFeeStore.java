package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Signature;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;

/** {@link FeeStore} over JDBC: HikariCP pool, Flyway migrations, group-committed writes, one SQL class per table. */
final class JdbcFeeStore implements FeeStore {
    private final HikariDataSource pool;
    private final Jdbc jdbc;
    private final FeeTable fees;
    private final UnsettledTotalTable totals;
    private final SignatureTable signatures = new SignatureTable();
    private final BatchTable batches;
    private final Supplier<Optional<SettlerLease>> leases;

    private JdbcFeeStore(HikariDataSource pool, StoreDialect dialect, Supplier<Optional<SettlerLease>> leases) {
        this.pool = pool;
        this.jdbc = new Jdbc(pool, "fee-store-writer");
        this.fees = new FeeTable(dialect);
        this.totals = new UnsettledTotalTable(dialect);
        this.batches = new BatchTable(dialect);
        this.leases = leases;
    }

    static FeeStore sqlite(Path file, SqliteDurability durability) {
        Objects.requireNonNull(durability, "durability");
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new ProviderException("cannot create the folder of the fee store " + absolute + ": " + e.getMessage(), e);
        }
        HikariDataSource pool = StoreDialect.sqlite(absolute.toString(), durability);
        Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".settler-lock");
        return open(pool, StoreDialect.SQLITE, () -> FileSettlerLease.tryAcquire(lockFile));
    }

    static FeeStore postgres(String jdbcUrl, String user, String password) {
        HikariDataSource pool = StoreDialect.postgres(jdbcUrl, user, password);
        return open(pool, StoreDialect.POSTGRESQL, () -> AdvisorySettlerLease.tryAcquire(pool));
    }

    private static FeeStore open(HikariDataSource pool, StoreDialect dialect, Supplier<Optional<SettlerLease>> leases) {
        try {
            Flyway.configure().dataSource(pool).locations(dialect.migrations())
                    .javaMigrations(new UnsettledTotalMigration(dialect)).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new ProviderException("cannot migrate the fee store " + withoutParameters(pool.getJdbcUrl()) + ": "
                    + e.getMessage(), e);
        }
        return new JdbcFeeStore(pool, dialect, leases);
    }

    @Override
    public void record(FeeRecord fee) {
        jdbc.write("record the fee of request " + fee.requestHash(), c -> {
            insertFee(c, fee);
            return null;
        });
    }

    /** One transaction, so one commit, for both: the request path's only write. */
    @Override
    public void recordAnswer(FeeRecord fee, String signedText, Signature signature) {
        jdbc.write("record the fee and signature of request " + fee.requestHash(), c -> {
            signatures.upsert(c, fee.requestHash(), signedText, signature, fee.createdAt());
            insertFee(c, fee);
            return null;
        });
    }

    private void insertFee(Connection c, FeeRecord fee) throws SQLException {
        if (fees.insert(c, fee)) {
            totals.add(c, fee.user(), fee.fee());
        } else {
            FeeRecord existing = fees.find(c, fee.requestHash()).orElseThrow();
            if (!existing.user().equals(fee.user()) || !existing.inputFee().equals(fee.inputFee())
                    || !existing.outputFee().equals(fee.outputFee())) {
                throw new ProviderException("request " + fee.requestHash() + " is already recorded with user "
                        + existing.user() + " and fees " + existing.inputFee() + " + " + existing.outputFee()
                        + "; refusing " + fee.user() + " and " + fee.inputFee() + " + " + fee.outputFee());
            }
        }
    }

    @Override
    public BigInteger unsettledFee(Address user) {
        return jdbc.read("sum the unsettled fees of " + user, c -> totals.total(c, user));
    }

    @Override
    public void saveSignature(String chatKey, String text, Signature signature, Instant createdAt) {
        jdbc.write("save the signature of " + chatKey, c -> {
            signatures.upsert(c, chatKey, text, signature, createdAt);
            return null;
        });
    }

    @Override
    public Optional<StoredSignature> signature(String chatKey) {
        return jdbc.read("read the signature of " + chatKey, c -> signatures.find(c, chatKey));
    }

    @Override
    public int purgeSignaturesOlderThan(Instant cutoff) {
        return jdbc.write("purge signatures older than " + cutoff, c -> signatures.purgeOlderThan(c, cutoff));
    }

    @Override
    public Optional<SettlerLease> trySettlerLease() {
        return leases.get();
    }

    @Override
    public List<UnsettledUser> unsettledUsers() {
        return jdbc.read("list users with unsettled fees", fees::freeTotals);
    }

    @Override
    public List<FeeRecord> unsettledRecords(Address user, int limit) {
        requirePositive(limit);
        return jdbc.read("list the unsettled fees of " + user, c -> fees.freeRecords(c, user, limit));
    }

    @Override
    public SettlementBatch createBatch(NewBatch batch) {
        Address user = batch.item().user();
        return jdbc.write("store a settlement batch for " + user, c -> {
            long id = batches.insert(c, batch);
            int moved = fees.claim(c, id, user, batch.requestHashes());
            if (moved != batch.requestHashes().size()) {
                throw new ProviderException("cannot batch " + batch.requestHashes().size() + " fee records of " + user
                        + ": only " + moved + " are still unsettled and outside other batches");
            }
            BigInteger sum = fees.batchSum(c, id);
            if (!sum.equals(batch.item().totalFee())) {
                throw new ProviderException("settlement item for " + user + " claims " + batch.item().totalFee()
                        + " neuron but its " + moved + " fee records add up to " + sum);
            }
            return batches.find(c, id).orElseThrow();
        });
    }

    @Override
    public List<SettlementBatch> openBatches() {
        return jdbc.read("list open settlement batches", batches::open);
    }

    @Override
    public void markSent(List<Long> batchIds, Hash32 transaction, Instant at) {
        jdbc.write("record transaction " + transaction, c -> {
            batches.markSent(c, batchIds, transaction, at);
            return null;
        });
    }

    @Override
    public boolean complete(long batchId, BatchOutcome outcome, Instant at) {
        return jdbc.write("complete settlement batch " + batchId, c -> {
            if (!batches.complete(c, batchId, outcome, at)) {
                return false;
            }
            if (outcome.state() == BatchState.SETTLED) {
                for (Map.Entry<Address, BigInteger> paid : fees.settleBatch(c, batchId).entrySet()) {
                    totals.add(c, paid.getKey(), paid.getValue().negate());
                }
            } else {
                fees.releaseBatch(c, batchId);
            }
            return true;
        });
    }

    @Override
    public List<SettlementBatch> settlements(int limit) {
        requirePositive(limit);
        return jdbc.read("list settlements", c -> batches.latest(c, limit));
    }

    @Override
    public List<SettlementBatch> settlements(Address user, int limit) {
        requirePositive(limit);
        return jdbc.read("list settlements of " + user, c -> batches.latest(c, user, limit));
    }

    @Override
    public BigInteger shortfall(Address user) {
        return jdbc.read("sum the shortfalls of " + user, c -> batches.shortfall(c, user));
    }

    /** The first value {@code query} (e.g. {@code PRAGMA synchronous}) reads on the writer's connection; for tests. */
    String setting(String query) {
        return jdbc.write("read " + query, c -> {
            try (var statement = c.createStatement(); var row = statement.executeQuery(query)) {
                return row.next() ? row.getString(1) : "";
            }
        });
    }

    @Override
    public void close() {
        jdbc.close();
        pool.close();
    }

    @Override
    public String toString() {
        return "FeeStore[" + withoutParameters(pool.getJdbcUrl()) + "]";
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new ProviderException("limit must be at least 1, got " + limit);
        }
    }

    /** A JDBC URL may carry a password among its parameters: never show them. */
    private static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
