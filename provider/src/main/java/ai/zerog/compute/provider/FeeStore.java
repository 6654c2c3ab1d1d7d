package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Signature;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The broker's durable state: one fee record per answered request, the response signatures the
 * signature endpoint serves, and the settlement batches that pay the fees on chain. Money is
 * stored exactly (decimal, never floating point). Every write is durable when the call returns (for
 * SQLite, as durable as its {@link SqliteDurability} says).
 *
 * <p>Fee records are <em>unsettled</em> until a batch holding them settles; a record in an open
 * batch still counts as unsettled. A failed batch gives its records back.
 */
public interface FeeStore extends AutoCloseable {

    /**
     * An embedded SQLite database in {@code file} (created with its folder when missing): one broker
     * process. Every commit survives a power cut ({@link SqliteDurability#FULL}).
     */
    static FeeStore sqlite(Path file) {
        return sqlite(file, SqliteDurability.FULL);
    }

    /** As {@link #sqlite(Path)}, committing as {@code durability} says. */
    static FeeStore sqlite(Path file, SqliteDurability durability) {
        return JdbcFeeStore.sqlite(file, durability);
    }

    /** A PostgreSQL database that several broker replicas may share; only the lease holder settles. */
    static FeeStore postgres(String jdbcUrl, String user, String password) {
        return JdbcFeeStore.postgres(jdbcUrl, user, password);
    }

    // ---- request path ----

    /** Stores a fee; a second record with the same request hash and fees is ignored, different fees are refused. */
    void record(FeeRecord fee);

    /**
     * Stores the fee of an answered request and the signature of its answer (under the fee's
     * request hash, created when the fee was) together, durable when this returns: the answer may
     * then complete. As {@link #record} and {@link #saveSignature}; a store may do both in one
     * transaction, and a refused fee then keeps its signature out too.
     */
    default void recordAnswer(FeeRecord fee, String signedText, Signature signature) {
        saveSignature(fee.requestHash(), signedText, signature, fee.createdAt());
        record(fee);
    }

    /** The exact sum of {@code user}'s fees not yet settled (PROTOCOL.md §7.4), including those in open batches. */
    BigInteger unsettledFee(Address user);

    /** Keeps a response signature under {@code chatKey} (compared without case). */
    void saveSignature(String chatKey, String text, Signature signature, Instant createdAt);

    Optional<StoredSignature> signature(String chatKey);

    /** Deletes signatures created before {@code cutoff}; returns how many. */
    int purgeSignaturesOlderThan(Instant cutoff);

    // ---- settlement worker ----

    /** The settler lease if no other process holds it now; close it when the round is over. */
    Optional<SettlerLease> trySettlerLease();

    /** Users with fee records outside any batch and their sums, in address order. */
    List<UnsettledUser> unsettledUsers();

    /** Up to {@code limit} of {@code user}'s records outside any batch, oldest first. */
    List<FeeRecord> unsettledRecords(Address user, int limit);

    /**
     * Stores a signed item as a {@link BatchState#SIGNED} batch holding the given records, in one
     * transaction. Refused (nothing stored) if any record is unknown, already in a batch, or the
     * records do not add up to the item's total fee.
     */
    SettlementBatch createBatch(NewBatch batch);

    /** Batches still {@link BatchState#SIGNED} or {@link BatchState#SENT}, oldest first. */
    List<SettlementBatch> openBatches();

    /** Records that {@code transaction} carried these open batches (they become {@link BatchState#SENT}). */
    void markSent(List<Long> batchIds, Hash32 transaction, Instant at);

    /**
     * Ends an open batch: settled marks its records paid, failed gives them back. Returns false,
     * changing nothing, if the batch is not open (someone resolved it already).
     */
    boolean complete(long batchId, BatchOutcome outcome, Instant at);

    // ---- operators ----

    /** The latest {@code limit} batches of every user, newest first. */
    List<SettlementBatch> settlements(int limit);

    /** The latest {@code limit} batches of {@code user}, newest first. */
    List<SettlementBatch> settlements(Address user, int limit);

    /** What PARTIAL settlements of {@code user} left unpaid, in total. */
    BigInteger shortfall(Address user);

    @Override
    void close();
}
