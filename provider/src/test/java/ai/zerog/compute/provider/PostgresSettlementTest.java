package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.SettlementOutcome;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.SettlementStatus;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two broker replicas sharing one PostgreSQL database settle each fee once between them. */
class PostgresSettlementTest {
    private static final Instant NOW = Instant.parse("2026-06-02T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SettlementChainFixture chain = SettlementChainFixture.get();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final String url = TestPostgres.get().newDatabase();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    @Test
    void onlyTheReplicaHoldingTheLeaseSettles() {
        SettlementChainFixture.Provider provider = chain.provider(true);
        Address user = chain.user(provider, Units.og(2));
        FeeStore replicaA = store();
        FeeStore replicaB = store();
        BigInteger fee = charge(replicaA, user, Units.toNeuron("0.3")).add(charge(replicaB, user, Units.toNeuron("0.04")));
        assertThat(replicaB.unsettledFee(user)).isEqualTo(fee);

        try (SettlerLease held = replicaA.trySettlerLease().orElseThrow()) {
            assertThat(worker(replicaB, provider, SettlementHooks.NONE).runOnce().skipped()).isTrue();
        }
        SettlementReport report = worker(replicaB, provider, SettlementHooks.NONE).runOnce();

        assertThat(report.settledAmount()).isEqualTo(fee);
        assertThat(worker(replicaA, provider, SettlementHooks.NONE).runOnce().didNothing()).isTrue();
        assertThat(chain.account(user, provider).balance()).isEqualTo(Units.og(2).subtract(fee));
        assertThat(replicaA.unsettledFee(user)).isZero();
    }

    @Test
    void anotherReplicaRecoversWhatACrashedOneLeftOpen() {
        SettlementChainFixture.Provider provider = chain.provider(true);
        Address user = chain.user(provider, Units.og(2));
        FeeStore replicaA = store();
        FeeStore replicaB = store();
        BigInteger fee = charge(replicaA, user, Units.toNeuron("0.8"));
        SettlementHooks crashAfterSend = new SettlementHooks() {
            @Override
            public void afterSend(SettlementOutcome outcome) {
                throw new IllegalStateException("simulated crash after the transaction mined");
            }
        };

        assertThatThrownBy(() -> worker(replicaA, provider, crashAfterSend).runOnce())
                .hasMessageContaining("simulated crash");
        replicaA.close();
        SettlementReport report = worker(replicaB, provider, SettlementHooks.NONE).runOnce();

        assertThat(report.recovered()).isEqualTo(1);
        assertThat(report.transactions()).isZero();
        assertThat(replicaB.settlements(user, 1).getFirst().status()).contains(SettlementStatus.SUCCESS);
        assertThat(chain.account(user, provider).balance()).isEqualTo(Units.og(2).subtract(fee));
        assertThat(replicaB.unsettledFee(user)).isZero();
    }

    private FeeStore store() {
        FeeStore store = FeeStore.postgres(url, TestPostgres.USER, "");
        opened.add(store);
        return store;
    }

    private SettlementWorker worker(FeeStore store, SettlementChainFixture.Provider provider, SettlementHooks hooks) {
        SettlementWorker worker = SettlementWorker.create(store, chain.sender(provider.key()),
                chain.deployment.inference(), provider.tee(), chain.deployment.chainId(), CLOCK,
                SettlementConfig.defaults().withInterval(Duration.ofHours(1)), hooks);
        opened.add(worker);
        return worker;
    }

    private static BigInteger charge(FeeStore store, Address user, BigInteger amount) {
        store.record(new FeeRecord(UUID.randomUUID().toString(), user, amount, BigInteger.ZERO, NOW));
        return amount;
    }
}
