package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.SettlementDomain;
import ai.zerog.compute.core.SettlementStatus;
import ai.zerog.compute.core.Signature;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link FeeStore} must do; run against SQLite and PostgreSQL by the subclasses. */
abstract class FeeStoreContract {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final Address PROVIDER = Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    private static final BatchSigner SIGNER = new BatchSigner(TestTeeSigner.random(),
            new SettlementDomain(31337, Address.of("0x5fbdb2315678afecb367f032d93f642f64180aa3")), PROVIDER);

    private final List<FeeStore> opened = new ArrayList<>();
    FeeStore store;

    /** A new, empty store. */
    abstract FeeStore createStore();

    /** Another store instance on the same database as the last {@link #createStore()}: a restart or a replica. */
    abstract FeeStore openSameStore();

    @BeforeEach
    void open() {
        store = track(createStore());
    }

    @AfterEach
    void closeAll() {
        opened.forEach(FeeStore::close);
    }

    private FeeStore track(FeeStore s) {
        opened.add(s);
        return s;
    }

    private FeeStore reopen() {
        return track(openSameStore());
    }

    // ---- fees ----

    @Test
    void unsettledFeeIsTheExactSumOfWideAmounts() {
        Address user = randomUser();
        BigInteger huge = BigInteger.TEN.pow(40).add(BigInteger.ONE);
        BigInteger maxUint = BigInteger.TWO.pow(255);
        store.record(fee("a", user, huge, BigInteger.valueOf(7), 0));
        store.record(fee("b", user, BigInteger.ONE, maxUint, 1));
        store.record(fee("c", user, BigInteger.ZERO, BigInteger.valueOf(123_456_789_012_345L), 2));

        assertThat(store.unsettledFee(user))
                .isEqualTo(huge.add(BigInteger.valueOf(8)).add(maxUint).add(BigInteger.valueOf(123_456_789_012_345L)));
    }

    @Test
    void unsettledFeeOfAUserWithoutRecordsIsZero() {
        assertThat(store.unsettledFee(randomUser())).isZero();
    }

    @Test
    void recordingTheSameRequestTwiceCountsItOnce() {
        Address user = randomUser();
        store.record(fee("same", user, 100, 20, 0));
        store.record(fee("same", user, 100, 20, 5));

        assertThat(store.unsettledFee(user)).isEqualTo(120);
        assertThat(store.unsettledRecords(user, 10)).hasSize(1);
    }

    @Test
    void recordingARequestAgainWithOtherFeesIsRefused() {
        Address user = randomUser();
        store.record(fee("r1", user, 100, 20, 0));

        assertThatThrownBy(() -> store.record(fee("r1", user, 100, 21, 0)))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("r1 is already recorded");
        assertThat(store.unsettledFee(user)).isEqualTo(120);
    }

    @Test
    void recordsSurviveARestart() {
        Address user = randomUser();
        store.record(fee("kept", user, 5, 6, 0));
        store.close();

        assertThat(reopen().unsettledFee(user)).isEqualTo(11);
    }

    @Test
    void concurrentRecordsAreAllCounted() throws Exception {
        Address user = randomUser();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.record(fee("t" + thread + "-" + i, user, 3, 4, i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store.unsettledFee(user)).isEqualTo(8 * 25 * 7);
    }

    @Test
    void manyConcurrentWritesAreAllDurableAndARefusalFailsOnlyItsOwnCaller() throws Exception {
        Address user = randomUser();
        Signature signature = Secp256k1Key.random().signDigest(Hash32.keccak256("answer"));
        store.record(fee("taken", user, 1, 1, 0));
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> writers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 64; t++) {
                int thread = t;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        store.record(fee("w" + thread + "-" + i, user, 3, 4, i));
                        store.saveSignature("chat-" + thread + "-" + i, "text " + i, signature, T0);
                        if (i == 10) {
                            try {
                                store.record(fee("taken", user, 1, 2, 0));
                            } catch (ProviderException e) {
                                refused.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }
        store.close();

        FeeStore reopened = reopen();
        assertThat(refused).hasValue(64);
        assertThat(reopened.unsettledRecords(user, 10_000)).hasSize(64 * 20 + 1);
        assertThat(reopened.unsettledFee(user)).isEqualTo(64 * 20 * 7 + 2);
        for (int t = 0; t < 64; t++) {
            assertThat(reopened.signature("chat-" + t + "-19")).isPresent();
        }
    }

    @Test
    void unsettledUsersHaveTheirTotalsAndRecordsComeOldestFirst() {
        Address first = Address.of("0x1000000000000000000000000000000000000001");
        Address second = Address.of("0x2000000000000000000000000000000000000002");
        store.record(fee("late", first, 1, 1, 30));
        store.record(fee("early", first, 2, 2, 10));
        store.record(fee("middle", first, 3, 3, 20));
        store.record(fee("other", second, 9, 0, 0));

        assertThat(store.unsettledUsers()).containsExactly(
                new UnsettledUser(first, BigInteger.valueOf(12), 3), new UnsettledUser(second, BigInteger.valueOf(9), 1));
        assertThat(store.unsettledRecords(first, 10)).extracting(FeeRecord::requestHash)
                .containsExactly("early", "middle", "late");
        assertThat(store.unsettledRecords(first, 2)).extracting(FeeRecord::requestHash)
                .containsExactly("early", "middle");
        assertThat(store.unsettledRecords(first, 1).getFirst())
                .isEqualTo(fee("early", first, 2, 2, 10));
    }

    // ---- batches ----

    @Test
    void aBatchHoldsItsRecordsWhichStillCountAsUnsettled() {
        Address user = randomUser();
        store.record(fee("x1", user, 10, 5, 0));
        store.record(fee("x2", user, 20, 5, 1));
        SettlementBatch batch = store.createBatch(batchOf(user, store.unsettledRecords(user, 10), 7));
        store.record(fee("x3", user, 1, 0, 2));

        assertThat(batch.state()).isEqualTo(BatchState.SIGNED);
        assertThat(batch.records()).isEqualTo(2);
        assertThat(batch.totalFee()).isEqualTo(40);
        assertThat(batch.transaction()).isEmpty();
        assertThat(store.unsettledFee(user)).isEqualTo(41);
        assertThat(store.unsettledUsers()).containsExactly(new UnsettledUser(user, BigInteger.ONE, 1));
        assertThat(store.openBatches()).containsExactly(batch);
    }

    @Test
    void aRecordCannotBeInTwoBatches() {
        Address user = randomUser();
        store.record(fee("y1", user, 10, 0, 0));
        List<FeeRecord> records = store.unsettledRecords(user, 10);
        store.createBatch(batchOf(user, records, 1));

        assertThatThrownBy(() -> store.createBatch(batchOf(user, records, 2)))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("only 0 are still unsettled");
        assertThat(store.openBatches()).hasSize(1);
    }

    @Test
    void aBatchWhoseTotalDiffersFromItsRecordsIsRefused() {
        Address user = randomUser();
        store.record(fee("z1", user, 10, 0, 0));
        NewBatch honest = batchOf(user, store.unsettledRecords(user, 10), 1);
        NewBatch inflated = new NewBatch(SIGNER.sign(user, List.of(fee("z1", user, 11, 0, 0)), BigInteger.ONE, 5, T0)
                .item(), honest.requestHashes(), 5, T0);

        assertThatThrownBy(() -> store.createBatch(inflated))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("claims 11 neuron but its 1 fee records add up to 10");
        assertThat(store.openBatches()).isEmpty();
        assertThat(store.unsettledUsers()).containsExactly(new UnsettledUser(user, BigInteger.TEN, 1));
    }

    @Test
    void settlingABatchTakesItsRecordsOutOfTheUnsettledFee() {
        Address user = randomUser();
        store.record(fee("s1", user, 10, 5, 0));
        SettlementBatch batch = store.createBatch(batchOf(user, store.unsettledRecords(user, 10), 3));
        store.record(fee("s2", user, 1, 1, 1));

        assertThat(store.complete(batch.id(), BatchOutcome.settled(SettlementStatus.SUCCESS, BigInteger.ZERO, ""),
                T0.plusSeconds(9))).isTrue();

        assertThat(store.unsettledFee(user)).isEqualTo(2);
        assertThat(store.openBatches()).isEmpty();
        SettlementBatch done = store.settlements(user, 10).getFirst();
        assertThat(done.state()).isEqualTo(BatchState.SETTLED);
        assertThat(done.status()).contains(SettlementStatus.SUCCESS);
        assertThat(done.settledAmount()).isEqualTo(15);
        assertThat(done.updatedAt()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void aFailedBatchGivesItsRecordsBackAndStaysVisible() {
        Address user = randomUser();
        store.record(fee("f1", user, 10, 5, 0));
        SettlementBatch batch = store.createBatch(batchOf(user, store.unsettledRecords(user, 10), 3));

        store.complete(batch.id(), BatchOutcome.failed(SettlementStatus.NO_TEE_SIGNER, "not acknowledged"), T0);

        assertThat(store.unsettledFee(user)).isEqualTo(15);
        assertThat(store.unsettledUsers()).containsExactly(new UnsettledUser(user, BigInteger.valueOf(15), 1));
        SettlementBatch failed = store.settlements(user, 10).getFirst();
        assertThat(failed.state()).isEqualTo(BatchState.FAILED);
        assertThat(failed.status()).contains(SettlementStatus.NO_TEE_SIGNER);
        assertThat(failed.detail()).isEqualTo("not acknowledged");
        assertThat(failed.settledAmount()).isZero();
        // the records can be batched again
        assertThat(store.createBatch(batchOf(user, store.unsettledRecords(user, 10), 4)).records()).isEqualTo(1);
    }

    @Test
    void aPartialSettlementKeepsItsShortfallVisible() {
        Address user = randomUser();
        store.record(fee("p1", user, 100, 50, 0));
        SettlementBatch batch = store.createBatch(batchOf(user, store.unsettledRecords(user, 10), 3));

        store.complete(batch.id(), BatchOutcome.settled(SettlementStatus.PARTIAL, BigInteger.valueOf(40), "short"), T0);

        assertThat(store.unsettledFee(user)).isZero();
        assertThat(store.shortfall(user)).isEqualTo(40);
        SettlementBatch partial = store.settlements(user, 1).getFirst();
        assertThat(partial.status()).contains(SettlementStatus.PARTIAL);
        assertThat(partial.shortfall()).isEqualTo(40);
        assertThat(partial.settledAmount()).isEqualTo(110);
    }

    @Test
    void aSentBatchKeepsItsTransactionAndStaysOpenAcrossARestart() {
        Address user = randomUser();
        store.record(fee("t1", user, 10, 0, 0));
        SettlementBatch batch = store.createBatch(batchOf(user, store.unsettledRecords(user, 10), 3));
        Hash32 tx = Hash32.keccak256("tx");
        store.markSent(List.of(batch.id()), tx, T0.plusSeconds(1));
        store.close();

        FeeStore restarted = reopen();
        SettlementBatch open = restarted.openBatches().getFirst();
        assertThat(open.state()).isEqualTo(BatchState.SENT);
        assertThat(open.transaction()).contains(tx);
        assertThat(open.item()).isEqualTo(batch.item());
        assertThat(open.fromBlock()).isEqualTo(batch.fromBlock());
        assertThat(restarted.unsettledFee(user)).isEqualTo(10);
    }

    @Test
    void completingABatchTwiceChangesNothing() {
        Address user = randomUser();
        store.record(fee("c1", user, 10, 0, 0));
        SettlementBatch batch = store.createBatch(batchOf(user, store.unsettledRecords(user, 10), 3));
        store.complete(batch.id(), BatchOutcome.settled(SettlementStatus.SUCCESS, BigInteger.ZERO, ""), T0);

        assertThat(store.complete(batch.id(), BatchOutcome.failed("late"), T0)).isFalse();
        assertThat(store.unsettledFee(user)).isZero();
        assertThat(store.settlements(user, 1).getFirst().state()).isEqualTo(BatchState.SETTLED);
    }

    @Test
    void settlementHistoryIsNewestFirst() {
        Address a = randomUser();
        Address b = randomUser();
        store.record(fee("h1", a, 1, 0, 0));
        SettlementBatch first = store.createBatch(batchOf(a, store.unsettledRecords(a, 10), 1));
        store.record(fee("h2", b, 2, 0, 0));
        SettlementBatch second = store.createBatch(batchOf(b, store.unsettledRecords(b, 10), 1));

        assertThat(store.settlements(10)).extracting(SettlementBatch::id).containsExactly(second.id(), first.id());
        assertThat(store.settlements(1)).extracting(SettlementBatch::id).containsExactly(second.id());
        assertThat(store.settlements(a, 10)).extracting(SettlementBatch::id).containsExactly(first.id());
    }

    @Test
    void onlyOneStoreOnTheSameDatabaseHoldsTheSettlerLease() {
        FeeStore replica = reopen();
        Optional<SettlerLease> lease = store.trySettlerLease();
        assertThat(lease).isPresent();

        assertThat(replica.trySettlerLease()).isEmpty();
        assertThat(store.trySettlerLease()).isEmpty();

        lease.get().close();
        Optional<SettlerLease> next = replica.trySettlerLease();
        assertThat(next).isPresent();
        next.get().close();
    }

    // ---- signatures ----

    @Test
    void signaturesRoundTripWithCaseInsensitiveKeys() {
        Signature signature = Secp256k1Key.random().signDigest(Hash32.keccak256("answer"));
        store.saveSignature("ABC-123", "req:resp", signature, T0);

        assertThat(store.signature("abc-123"))
                .contains(new StoredSignature("abc-123", "req:resp", signature, T0));
        assertThat(store.signature("unknown")).isEmpty();
    }

    @Test
    void anAnswerKeepsItsFeeAndSignatureTogetherAcrossARestart() {
        Address user = randomUser();
        Signature signature = Secp256k1Key.random().signDigest(Hash32.keccak256("answer"));
        store.recordAnswer(fee("Answer-1", user, 30, 12, 0), "req:resp", signature);
        store.close();
        FeeStore restarted = reopen();

        assertThat(restarted.unsettledFee(user)).isEqualTo(42);
        assertThat(restarted.unsettledRecords(user, 10)).extracting(FeeRecord::requestHash).containsExactly("Answer-1");
        assertThat(restarted.signature("answer-1")).contains(new StoredSignature("answer-1", "req:resp", signature, T0));
    }

    @Test
    void anAnswerWhoseFeeIsRefusedKeepsNeitherAndOthersWrittenMeanwhileStay() throws Exception {
        Address user = randomUser();
        Signature signature = Secp256k1Key.random().signDigest(Hash32.keccak256("answer"));
        store.recordAnswer(fee("taken", user, 1, 1, 0), "first", signature);
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> writers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 32; t++) {
                int thread = t;
                writers.add(threads.submit(() -> {
                    store.recordAnswer(fee("a" + thread, user, 3, 4, 0), "text " + thread, signature);
                    try {
                        store.recordAnswer(fee("taken", user, 1, 2, 0), "second", signature);
                    } catch (ProviderException e) {
                        refused.incrementAndGet();
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }

        assertThat(refused).hasValue(32);
        assertThat(store.unsettledFee(user)).isEqualTo(32 * 7 + 2);
        assertThat(store.signature("taken")).map(StoredSignature::text).contains("first");
        assertThat(store.signature("a31")).map(StoredSignature::text).contains("text 31");
    }

    @Test
    void signaturesSurviveARestartAndOldOnesArePurged() {
        Signature signature = Secp256k1Key.random().signDigest(Hash32.keccak256("answer"));
        store.saveSignature("old", "o", signature, T0);
        store.saveSignature("new", "n", signature, T0.plusSeconds(1_200));
        store.close();
        FeeStore restarted = reopen();

        assertThat(restarted.purgeSignaturesOlderThan(T0.plusSeconds(600))).isEqualTo(1);
        assertThat(restarted.signature("old")).isEmpty();
        assertThat(restarted.signature("new")).map(StoredSignature::text).contains("n");
    }

    // ---- helpers ----

    static FeeRecord fee(String hash, Address user, long input, long output, long secondsAfterT0) {
        return fee(hash, user, BigInteger.valueOf(input), BigInteger.valueOf(output), secondsAfterT0);
    }

    static FeeRecord fee(String hash, Address user, BigInteger input, BigInteger output, long secondsAfterT0) {
        return new FeeRecord(hash, user, input, output, T0.plusSeconds(secondsAfterT0));
    }

    private static NewBatch batchOf(Address user, List<FeeRecord> records, long nonce) {
        return SIGNER.sign(user, records, BigInteger.valueOf(nonce), 5, T0);
    }

    private static Address randomUser() {
        return Secp256k1Key.random().address();
    }
}
