package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.SettlementOutcome;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.SettlementStatus;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settlement worker against our contracts on a real anvil, with a SQLite store. */
class SettlementWorkerTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SettlementChainFixture chain = SettlementChainFixture.get();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    @TempDir
    Path folder;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    @Test
    void settlesAUsersFeesAndTheSubAccountDropsByExactlyTheirSum() {
        SettlementChainFixture.Provider provider = chain.provider(true);
        Address user = chain.user(provider, Units.og(2));
        FeeStore store = store();
        BigInteger total = charge(store, user, new BigInteger("123456789012345678"), BigInteger.valueOf(1),
                Units.toNeuron("0.05"));
        assertThat(store.unsettledFee(user)).isEqualTo(total);

        SettlementReport report = worker(store, provider).runOnce();

        assertThat(report.transactions()).isEqualTo(1);
        assertThat(report.settled()).isEqualTo(1);
        assertThat(report.settledAmount()).isEqualTo(total);
        assertThat(chain.account(user, provider).balance()).isEqualTo(Units.og(2).subtract(total));
        assertThat(store.unsettledFee(user)).isZero();
        SettlementBatch batch = store.settlements(user, 10).getFirst();
        assertThat(batch.status()).contains(SettlementStatus.SUCCESS);
        assertThat(batch.records()).isEqualTo(3);
        assertThat(batch.transaction()).isPresent();
        assertThat(chain.account(user, provider).nonce()).isEqualTo(batch.nonce());
        assertThat(worker(store, provider).runOnce().didNothing()).isTrue();
    }

    @Test
    void settlesSixtyUsersInTwoTransactions() {
        SettlementChainFixture.Provider provider = chain.provider(true);
        FeeStore store = store();
        Map<Address, BigInteger> fees = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            Address user = chain.user(provider, Units.og(1));
            fees.put(user, charge(store, user, Units.toNeuron("0.001").multiply(BigInteger.valueOf(i + 1))));
        }

        SettlementReport report = worker(store, provider).runOnce();

        assertThat(report.transactions()).isEqualTo(2);
        assertThat(report.settled()).isEqualTo(60);
        assertThat(report.settledAmount()).isEqualTo(fees.values().stream().reduce(BigInteger.ZERO, BigInteger::add));
        fees.forEach((user, fee) -> {
            assertThat(chain.account(user, provider).balance()).isEqualTo(Units.og(1).subtract(fee));
            assertThat(store.unsettledFee(user)).isZero();
        });
        assertThat(store.settlements(100)).hasSize(60)
                .allSatisfy(b -> assertThat(b.status()).contains(SettlementStatus.SUCCESS));
        assertThat(store.settlements(100).stream().map(b -> b.transaction().orElseThrow()).distinct()).hasSize(2);
    }

    @Test
    void aPartialSettlementTakesWhatTheSubAccountHoldsAndKeepsTheShortfallVisible() {
        SettlementChainFixture.Provider provider = chain.provider(true);
        Address user = chain.user(provider, Units.og(1));
        FeeStore store = store();
        charge(store, user, Units.toNeuron("0.9"), Units.toNeuron("0.6"));

        SettlementReport report = worker(store, provider).runOnce();

        assertThat(report.partial()).isEqualTo(1);
        assertThat(report.settledAmount()).isEqualTo(Units.og(1));
        assertThat(chain.account(user, provider).balance()).isZero();
        assertThat(store.unsettledFee(user)).isZero();
        assertThat(store.shortfall(user)).isEqualTo(Units.toNeuron("0.5"));
        SettlementBatch batch = store.settlements(user, 1).getFirst();
        assertThat(batch.status()).contains(SettlementStatus.PARTIAL);
        assertThat(batch.detail()).contains("stays unpaid");
    }

    @Test
    void feesWaitVisiblyUntilTheOwnerAcknowledgesTheTeeSigner() {
        SettlementChainFixture.Provider provider = chain.provider(false);
        Address user = chain.user(provider, Units.og(1));
        FeeStore store = store();
        BigInteger total = charge(store, user, Units.toNeuron("0.25"));

        SettlementReport refused = worker(store, provider).runOnce();

        assertThat(refused.failed()).isEqualTo(1);
        assertThat(refused.transactions()).isZero();
        assertThat(store.unsettledFee(user)).isEqualTo(total);
        assertThat(chain.account(user, provider).balance()).isEqualTo(Units.og(1));
        SettlementBatch failed = store.settlements(user, 1).getFirst();
        assertThat(failed.state()).isEqualTo(BatchState.FAILED);
        assertThat(failed.status()).contains(SettlementStatus.NO_TEE_SIGNER);
        assertThat(failed.detail()).contains("acknowledged");

        chain.acknowledge(provider);
        SettlementReport settled = worker(store, provider).runOnce();

        assertThat(settled.settled()).isEqualTo(1);
        assertThat(store.unsettledFee(user)).isZero();
        assertThat(chain.account(user, provider).balance()).isEqualTo(Units.og(1).subtract(total));
    }

    @Test
    void feesOfAUserWithoutASubAccountStayUnsettledWithTheReason() {
        SettlementChainFixture.Provider provider = chain.provider(true);
        Address stranger = chain.fundedKey(Units.og(1)).address();
        FeeStore store = store();
        charge(store, stranger, BigInteger.TEN);

        SettlementReport report = worker(store, provider).runOnce();

        assertThat(report.failed()).isEqualTo(1);
        assertThat(store.unsettledFee(stranger)).isEqualTo(10);
        assertThat(store.settlements(stranger, 1).getFirst().status()).contains(SettlementStatus.INVALID_SIGNATURE);
    }

    // ---- crashes ----

    @Test
    void aCrashAfterSigningResendsTheSameItemAndChargesOnce() {
        SettlementChainFixture.Provider provider = chain.provider(true);
        Address user = chain.user(provider, Units.og(2));
        FeeStore store = store();
        BigInteger first = charge(store, user, Units.toNeuron("0.3"), Units.toNeuron("0.02"));

        assertThatThrownBy(() -> worker(store, provider, crashBeforeSend()).runOnce()).isInstanceOf(Crash.class);
        SettlementBatch signed = store.openBatches().getFirst();
        assertThat(signed.state()).isEqualTo(BatchState.SIGNED);
        assertThat(chain.account(user, provider).balance()).isEqualTo(Units.og(2));
        BigInteger later = charge(store, user, Units.toNeuron("0.1"));
        assertThat(store.unsettledFee(user)).isEqualTo(first.add(later));
        store.close();

        FeeStore restarted = store();
        SettlementReport resent = worker(restarted, provider).runOnce();

        assertThat(resent.transactions()).isEqualTo(1);
        assertThat(resent.settledAmount()).isEqualTo(first);
        assertThat(chain.account(user, provider).nonce()).isEqualTo(signed.nonce());
        assertThat(chain.account(user, provider).balance()).isEqualTo(Units.og(2).subtract(first));
        assertThat(restarted.unsettledFee(user)).isEqualTo(later);

        worker(restarted, provider).runOnce();

        assertThat(chain.account(user, provider).balance()).isEqualTo(Units.og(2).subtract(first).subtract(later));
        assertThat(restarted.unsettledFee(user)).isZero();
    }

    @Test
    void aCrashAfterTheTransactionMinedFindsItOnChainAndDoesNotSendAgain() {
        SettlementChainFixture.Provider provider = chain.provider(true);
        Address one = chain.user(provider, Units.og(2));
        Address two = chain.user(provider, Units.og(2));
        FeeStore store = store();
        BigInteger feeOne = charge(store, one, Units.toNeuron("0.4"));
        BigInteger feeTwo = charge(store, two, Units.toNeuron("0.7"), BigInteger.ONE);

        assertThatThrownBy(() -> worker(store, provider, crashAfterSend()).runOnce()).isInstanceOf(Crash.class);
        assertThat(store.openBatches()).hasSize(2).allSatisfy(b -> assertThat(b.transaction()).isEmpty());
        assertThat(chain.account(one, provider).balance()).isEqualTo(Units.og(2).subtract(feeOne));
        store.close();

        FeeStore restarted = store();
        SettlementReport recovered = worker(restarted, provider).runOnce();

        assertThat(recovered.transactions()).isZero();
        assertThat(recovered.recovered()).isEqualTo(2);
        assertThat(recovered.settledAmount()).isEqualTo(feeOne.add(feeTwo));
        assertThat(chain.account(one, provider).balance()).isEqualTo(Units.og(2).subtract(feeOne));
        assertThat(chain.account(two, provider).balance()).isEqualTo(Units.og(2).subtract(feeTwo));
        assertThat(restarted.unsettledFee(one)).isZero();
        assertThat(restarted.unsettledFee(two)).isZero();
        assertThat(restarted.settlements(10)).allSatisfy(b -> assertThat(b.status()).contains(SettlementStatus.SUCCESS));
    }

    @Test
    void aCrashAfterTheTransactionMinedRecoversAPartialShortfall() {
        SettlementChainFixture.Provider provider = chain.provider(true);
        Address user = chain.user(provider, Units.og(1));
        FeeStore store = store();
        charge(store, user, Units.toNeuron("1.25"));

        assertThatThrownBy(() -> worker(store, provider, crashAfterSend()).runOnce()).isInstanceOf(Crash.class);
        SettlementReport recovered = worker(store, provider).runOnce();

        assertThat(recovered.partial()).isEqualTo(1);
        assertThat(store.shortfall(user)).isEqualTo(Units.toNeuron("0.25"));
        assertThat(chain.account(user, provider).balance()).isZero();
        assertThat(store.unsettledFee(user)).isZero();
    }

    @Test
    void aCrashAfterStoringTheTransactionConfirmsFromIt() {
        SettlementChainFixture.Provider provider = chain.provider(true);
        Address user = chain.user(provider, Units.og(2));
        FeeStore store = store();
        BigInteger fee = charge(store, user, Units.toNeuron("0.5"));

        assertThatThrownBy(() -> worker(store, provider, crashAfterRecording()).runOnce()).isInstanceOf(Crash.class);
        SettlementBatch sent = store.openBatches().getFirst();
        assertThat(sent.state()).isEqualTo(BatchState.SENT);
        store.close();

        FeeStore restarted = store();
        SettlementReport recovered = worker(restarted, provider).runOnce();

        assertThat(recovered.transactions()).isZero();
        assertThat(recovered.recovered()).isEqualTo(1);
        SettlementBatch done = restarted.settlements(user, 1).getFirst();
        assertThat(done.status()).contains(SettlementStatus.SUCCESS);
        assertThat(done.transaction()).isEqualTo(sent.transaction());
        assertThat(chain.account(user, provider).balance()).isEqualTo(Units.og(2).subtract(fee));
        assertThat(restarted.unsettledFee(user)).isZero();
    }

    @Test
    void anItemThatLandedInAnotherTransactionIsTakenAsSettledNotChargedAgain() {
        SettlementChainFixture.Provider provider = chain.provider(true);
        Address user = chain.user(provider, Units.og(2));
        FeeStore store = store();
        BigInteger fee = charge(store, user, Units.toNeuron("0.6"));
        SettlementHooks otherSenderFirst = new SettlementHooks() {
            @Override
            public void beforeSend(List<SettlementBatch> batches) {
                chain.inference(provider.key()).settleFeesWithTEE(batches.stream().map(SettlementBatch::item).toList());
            }
        };

        SettlementReport report = worker(store, provider, otherSenderFirst).runOnce();

        assertThat(report.recovered()).isEqualTo(1);
        assertThat(report.settledAmount()).isEqualTo(fee);
        assertThat(store.settlements(user, 1).getFirst().status()).contains(SettlementStatus.SUCCESS);
        assertThat(chain.account(user, provider).balance()).isEqualTo(Units.og(2).subtract(fee));
        assertThat(store.unsettledFee(user)).isZero();
    }

    // ---- scheduling ----

    @Test
    void anEarlySettlementRequestRunsARoundSoon() throws Exception {
        SettlementChainFixture.Provider provider = chain.provider(true);
        Address user = chain.user(provider, Units.og(2));
        FeeStore store = store();
        SettlementWorker worker = worker(store, provider);
        worker.start();
        BigInteger fee = charge(store, user, Units.toNeuron("0.2"));

        SettlementReport report = worker.requestEarlySettlement(user).get(2, TimeUnit.MINUTES);

        assertThat(report.skipped()).isFalse();
        assertThat(store.unsettledFee(user)).isZero();
        assertThat(chain.account(user, provider).balance()).isEqualTo(Units.og(2).subtract(fee));
    }

    // ---- helpers ----

    private FeeStore store() {
        FeeStore store = FeeStore.sqlite(folder.resolve("fees.db"));
        opened.add(store);
        return store;
    }

    private SettlementWorker worker(FeeStore store, SettlementChainFixture.Provider provider) {
        return worker(store, provider, SettlementHooks.NONE);
    }

    private SettlementWorker worker(FeeStore store, SettlementChainFixture.Provider provider, SettlementHooks hooks) {
        SettlementWorker worker = SettlementWorker.create(store, chain.sender(provider.key()),
                chain.deployment.inference(), provider.tee(), chain.deployment.chainId(), CLOCK,
                SettlementConfig.defaults().withInterval(java.time.Duration.ofHours(1)), hooks);
        opened.add(worker);
        return worker;
    }

    /** Records one fee per amount (all as output fee) and returns their sum. */
    private BigInteger charge(FeeStore store, Address user, BigInteger... amounts) {
        BigInteger sum = BigInteger.ZERO;
        for (BigInteger amount : amounts) {
            store.record(new FeeRecord(UUID.randomUUID() + "-" + requests.incrementAndGet(), user, BigInteger.ZERO,
                    amount, NOW.plusMillis(requests.get())));
            sum = sum.add(amount);
        }
        return sum;
    }

    static final class Crash extends RuntimeException {
        Crash(String where) {
            super("simulated crash " + where);
        }
    }

    private static SettlementHooks crashBeforeSend() {
        return new SettlementHooks() {
            @Override
            public void beforeSend(List<SettlementBatch> batches) {
                throw new Crash("after signing, before sending");
            }
        };
    }

    private static SettlementHooks crashAfterSend() {
        return new SettlementHooks() {
            @Override
            public void afterSend(SettlementOutcome outcome) {
                throw new Crash("after the transaction mined, before storing its hash");
            }
        };
    }

    private static SettlementHooks crashAfterRecording() {
        return new SettlementHooks() {
            @Override
            public void afterSentRecorded(SettlementOutcome outcome) {
                throw new Crash("after storing the transaction hash, before confirming");
            }
        };
    }
}
