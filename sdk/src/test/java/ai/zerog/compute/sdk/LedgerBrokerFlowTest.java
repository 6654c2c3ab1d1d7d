package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.LedgerTestNetwork.Contracts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ledger's money flow through the SDK, against our contracts and the official bytecode alike. */
class LedgerBrokerFlowTest {

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void addDepositTransferRetrieveAndRefundEverything(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        Address provider = net.registeredProvider();
        Secp256k1Key user = net.fundedKey(Units.og(100));
        try (ZgComputeBroker broker = net.broker(user)) {
            LedgerBroker ledger = broker.ledger();
            BigInteger minimum = ledger.minimumLedgerBalance();
            BigInteger transfer = ledger.minimumTransferAmount().max(Units.og(1));

            ledger.addLedger(og(minimum));
            assertThat(ledger.getLedger().available()).isEqualTo(minimum);

            ledger.depositFund(new BigDecimal("2.5"));
            BigInteger deposited = minimum.add(Units.toNeuron("2.5"));
            assertThat(ledger.getLedger().available()).isEqualTo(deposited);
            assertThat(ledger.getLedger().total()).isEqualTo(deposited);

            ledger.transferFund(provider, og(transfer));
            LedgerDetail afterTransfer = ledger.getLedger();
            assertThat(afterTransfer.available()).isEqualTo(deposited.subtract(transfer));
            assertThat(afterTransfer.total()).isEqualTo(deposited);
            assertThat(afterTransfer.lockedInSubAccounts()).isEqualTo(transfer);
            assertThat(afterTransfer.providers()).singleElement().satisfies(p -> {
                assertThat(p.provider()).isEqualTo(provider);
                assertThat(p.balance()).isEqualTo(transfer);
                assertThat(p.usable()).isEqualTo(transfer);
                assertThat(p.pendingRefund()).isZero();
                assertThat(p.acknowledged()).isTrue();
                assertThat(p.refunds()).isEmpty();
            });

            ledger.retrieveFund();
            LedgerDetail.ProviderFunds queued = ledger.getLedger().providers().getFirst();
            assertThat(queued.pendingRefund()).isEqualTo(transfer);
            assertThat(queued.usable()).isZero();
            assertThat(queued.refunds()).singleElement().satisfies(r -> {
                assertThat(r.amount()).isEqualTo(transfer);
                assertThat(r.unlocksAt()).isEqualTo(r.createdAt().plus(LedgerTestNetwork.LOCK_TIME));
                assertThat(r.unlocked()).isFalse();
            });
            assertThat(ledger.getLedger().available()).isEqualTo(deposited.subtract(transfer));

            net.passLockTime();
            assertThat(ledger.getLedger().providers().getFirst().refunds()).singleElement()
                    .satisfies(r -> assertThat(r.unlocked()).isTrue());
            ledger.retrieveFund();
            LedgerDetail collected = ledger.getLedger();
            assertThat(collected.available()).isEqualTo(deposited);
            assertThat(collected.lockedInSubAccounts()).isZero();
            assertThat(collected.providers().getFirst().balance()).isZero();

            BigInteger walletBefore = net.rpc.balanceOf(user.address());
            ledger.refund(og(deposited));
            assertThat(ledger.ledgerIfExists()).as("refunding everything closes the ledger").isEmpty();
            assertThat(net.rpc.balanceOf(user.address())).isGreaterThan(walletBefore);
        }
    }

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void depositFundOpensTheLedgerAndDepositForFundsAnotherWallet(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        Secp256k1Key payer = net.fundedKey(Units.og(100));
        Secp256k1Key recipient = net.fundedKey(Units.og(1));
        try (ZgComputeBroker broker = net.broker(payer); ZgComputeBroker theirs = net.broker(recipient)) {
            BigInteger minimum = broker.ledger().minimumLedgerBalance();

            broker.ledger().depositFund(minimum);
            broker.ledger().depositFundFor(recipient.address(), og(minimum));
            broker.ledger().depositFundFor(recipient.address(), new BigDecimal("0.25"));

            assertThat(broker.ledger().getLedger().available()).isEqualTo(minimum);
            assertThat(theirs.ledger().getLedger().available()).isEqualTo(minimum.add(Units.toNeuron("0.25")));
            assertThat(net.nonce(recipient.address())).as("the recipient sent nothing").isZero();
        }
    }

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void getLedgerShowsWhereTheMoneyIsPerProvider(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        Address first = net.registeredProvider();
        Address second = net.registeredProvider();
        Secp256k1Key user = net.fundedKey(Units.og(100));
        try (ZgComputeBroker broker = net.broker(user)) {
            LedgerBroker ledger = broker.ledger();
            ledger.depositFund(BigDecimal.TEN);
            ledger.transferFund(first, new BigDecimal("2"));
            ledger.transferFund(second, new BigDecimal("3"));
            ledger.retrieveFundFromProvider(first);

            LedgerDetail detail = ledger.getLedger();

            assertThat(detail.user()).isEqualTo(user.address());
            assertThat(detail.available()).isEqualTo(Units.og(5));
            assertThat(detail.total()).isEqualTo(Units.og(10));
            assertThat(detail.lockedInSubAccounts()).isEqualTo(Units.og(5));
            assertThat(detail.providers()).extracting(LedgerDetail.ProviderFunds::provider)
                    .containsExactlyInAnyOrder(first, second);
            LedgerDetail.ProviderFunds retrieving = funds(detail, first);
            assertThat(retrieving.balance()).isEqualTo(Units.og(2));
            assertThat(retrieving.pendingRefund()).isEqualTo(Units.og(2));
            assertThat(retrieving.usable()).isZero();
            assertThat(retrieving.refunds()).hasSize(1);
            LedgerDetail.ProviderFunds serving = funds(detail, second);
            assertThat(serving.usable()).isEqualTo(Units.og(3));
            assertThat(serving.refunds()).isEmpty();
            assertThat(detail.describe())
                    .contains("available: 5 0G", "in provider sub-accounts: 5 0G", "total: 10 0G",
                            first.checksummed() + ": usable 0 0G, pending refund 2 0G",
                            second.checksummed() + ": usable 3 0G, pending refund 0 0G", "unlocks at");

            // a new transfer revives the pending refund before taking new money from the ledger
            ledger.transferFund(first, BigDecimal.ONE);
            LedgerDetail revived = ledger.getLedger();
            assertThat(funds(revived, first).usable()).isEqualTo(Units.og(1));
            assertThat(funds(revived, first).pendingRefund()).isEqualTo(Units.og(1));
            assertThat(revived.available()).isEqualTo(Units.og(5));
        }
    }

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void retrieveFundSendsOneTransactionPerTwentyProviders(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        List<Address> providers = new ArrayList<>();
        for (int i = 0; i < LedgerBroker.MAX_PROVIDERS_PER_BATCH + 1; i++) {
            providers.add(net.registeredProvider());
        }
        Secp256k1Key user = net.fundedKey(Units.og(200));
        try (ZgComputeBroker broker = net.broker(user)) {
            LedgerBroker ledger = broker.ledger();
            ledger.depositFund(Units.og(100));
            BigInteger each = ledger.minimumTransferAmount();
            providers.forEach(p -> ledger.transferFund(p, each));
            long before = net.nonce(user.address());

            ledger.retrieveFund();

            assertThat(net.nonce(user.address()) - before).isEqualTo(2);
            assertThat(ledger.getLedger().providers()).hasSize(providers.size())
                    .allSatisfy(p -> assertThat(p.pendingRefund()).isEqualTo(each));
        }
    }

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void oneBrokerServesManyThreads(Contracts contracts) throws Exception {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        Secp256k1Key user = net.fundedKey(Units.og(100));
        try (ZgComputeBroker broker = net.broker(user);
             ExecutorService pool = Executors.newFixedThreadPool(4)) {
            BigInteger minimum = broker.ledger().minimumLedgerBalance();
            broker.ledger().depositFund(minimum);
            List<Future<?>> deposits = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                deposits.add(pool.submit(() -> broker.ledger().depositFund(BigDecimal.ONE)));
            }
            for (Future<?> deposit : deposits) {
                deposit.get();
            }

            assertThat(broker.ledger().getLedger().available()).isEqualTo(minimum.add(Units.og(8)));
            assertThat(net.nonce(user.address())).isEqualTo(9);
        }
    }

    @Test
    void theOfficialVariantRunsTheOfficialBytecode() {
        LedgerTestNetwork ours = LedgerTestNetwork.of(Contracts.OURS);
        LedgerTestNetwork official = LedgerTestNetwork.of(Contracts.OFFICIAL);

        assertThat(official.rpc.codeAt(official.deployment.ledgerImplementation()))
                .isNotEqualTo(ours.rpc.codeAt(ours.deployment.ledgerImplementation()));
        assertThat(official.rpc.codeAt(official.deployment.inferenceImplementation()))
                .isNotEqualTo(ours.rpc.codeAt(ours.deployment.inferenceImplementation()));
    }

    private static LedgerDetail.ProviderFunds funds(LedgerDetail detail, Address provider) {
        return detail.providers().stream().filter(p -> p.provider().equals(provider)).findFirst().orElseThrow();
    }

    private static BigDecimal og(BigInteger neuron) {
        return new BigDecimal(neuron, Units.DECIMALS);
    }
}
