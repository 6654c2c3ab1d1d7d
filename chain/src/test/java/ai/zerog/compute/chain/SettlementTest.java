package ai.zerog.compute.chain;

import static ai.zerog.compute.chain.Actors.SERVICE;
import static ai.zerog.compute.chain.Actors.error;
import static ai.zerog.compute.chain.Actors.eventsOf;
import static ai.zerog.compute.chain.Actors.revertOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ai.zerog.compute.chain.Actors.Provider;
import ai.zerog.compute.chain.Actors.User;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.SettlementDomain;
import ai.zerog.compute.core.SettlementStatus;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.TeeSettlement;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code settleFeesWithTEE} and {@code previewSettlementResults} with real EIP-712 signatures (PROTOCOL.md §1.7). */
class SettlementTest {
    private static final BigInteger FIVE = Units.og(5);
    private static final BigInteger SECP256K1_ORDER =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    private final Actors actors = Actors.shared();

    @Test
    void shouldSettleAFeeCoveredByTheBalanceAndPayTheProvider() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        BigInteger fee = Units.og(1).add(BigInteger.valueOf(12_345));
        BigInteger providerBefore = actors.balanceOf(provider.address());

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(
                List.of(actors.settlement(provider, user.address(), fee, 7)));

        assertThat(outcome.results()).containsExactly(
                new SettlementResult(user.address(), SettlementStatus.SUCCESS, BigInteger.ZERO));
        assertThat(actors.balanceOf(provider.address()))
                .isEqualTo(providerBefore.add(fee).subtract(outcome.receipt().fee()));
        Account account = user.inference().getAccount(user.address(), provider.address());
        assertThat(account.balance()).isEqualTo(FIVE.subtract(fee));
        assertThat(account.nonce()).isEqualTo(BigInteger.valueOf(7));
        assertThat(user.ledger().getLedger(user.address()))
                .isEqualTo(new Ledger(user.address(), FIVE, Units.og(10).subtract(fee), ""));
        assertThat(actors.ledgerView().events(outcome.receipt()))
                .containsExactly(new LedgerEvent.FundSpent(user.address(), actors.deployment.inference(), fee));
        assertThat(eventsOf(InferenceEvent.BalanceUpdated.class, actors.inferenceView().events(outcome.receipt())))
                .containsExactly(new InferenceEvent.BalanceUpdated(user.address(), provider.address(),
                        FIVE.subtract(fee), BigInteger.ZERO));
    }

    @Test
    void shouldSettleWhatIsThereAndReportTheRestAsPartial() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        BigInteger fee = Units.og(7);
        BigInteger providerBefore = actors.balanceOf(provider.address());

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(
                List.of(actors.settlement(provider, user.address(), fee, 1)));

        assertThat(outcome.results()).containsExactly(
                new SettlementResult(user.address(), SettlementStatus.PARTIAL, Units.og(2)));
        assertThat(actors.balanceOf(provider.address()))
                .isEqualTo(providerBefore.add(FIVE).subtract(outcome.receipt().fee()));
        Account account = user.inference().getAccount(user.address(), provider.address());
        assertThat(account.balance()).isZero();
        assertThat(account.nonce()).isEqualTo(BigInteger.ONE);
        assertThat(user.ledger().getLedger(user.address()))
                .isEqualTo(new Ledger(user.address(), FIVE, FIVE, ""));
        assertThat(actors.ledgerView().events(outcome.receipt()))
                .containsExactly(new LedgerEvent.FundSpent(user.address(), actors.deployment.inference(), FIVE));
    }

    @Test
    void shouldReportProviderMismatchWhenTheItemNamesAnotherProvider() {
        Provider provider = actors.provider();
        Provider other = actors.provider();
        User user = actors.userWithAccount(other, Units.og(10), FIVE);

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(
                List.of(actors.settlement(other, user.address(), Units.og(1), 1)));

        assertThat(outcome.results()).containsExactly(
                new SettlementResult(user.address(), SettlementStatus.PROVIDER_MISMATCH, Units.og(1)));
        assertNothingSettled(user, other);
    }

    @Test
    void shouldReportProviderMismatchWhenTheSenderHasNoService() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        provider.inference().removeService();

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(
                List.of(actors.settlement(provider, user.address(), Units.og(1), 1)));

        assertThat(outcome.results()).containsExactly(
                new SettlementResult(user.address(), SettlementStatus.PROVIDER_MISMATCH, Units.og(1)));
        assertNothingSettled(user, provider);
    }

    @Test
    void shouldReportNoTeeSignerUntilTheOwnerAcknowledgesTheSigner() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(
                List.of(actors.settlement(provider, user.address(), Units.og(1), 1)));

        assertThat(outcome.results()).containsExactly(
                new SettlementResult(user.address(), SettlementStatus.NO_TEE_SIGNER, Units.og(1)));
        assertNothingSettled(user, provider);

        actors.ownerInference().acknowledgeTEESignerByOwner(provider.address());

        assertThat(provider.inference().settleFeesWithTEE(
                List.of(actors.settlement(provider, user.address(), Units.og(1), 1))).results())
                .extracting(SettlementResult::status).containsExactly(SettlementStatus.SUCCESS);
    }

    @Test
    void shouldReportNoTeeSignerAfterTheOwnerRevokesTheAcknowledgement() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        actors.ownerInference().revokeTEESignerAcknowledgement(provider.address());

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(
                List.of(actors.settlement(provider, user.address(), Units.og(1), 1)));

        assertThat(outcome.results()).extracting(SettlementResult::status)
                .containsExactly(SettlementStatus.NO_TEE_SIGNER);
        assertNothingSettled(user, provider);
    }

    @Test
    void shouldReportInvalidNonceForARepeatedOrLowerNonce() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        provider.inference().settleFeesWithTEE(List.of(actors.settlement(provider, user.address(), Units.og(1), 100)));

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(List.of(
                actors.settlement(provider, user.address(), Units.og(1), 100),
                actors.settlement(provider, user.address(), Units.og(2), 99)));

        assertThat(outcome.results()).containsExactly(
                new SettlementResult(user.address(), SettlementStatus.INVALID_NONCE, Units.og(1)),
                new SettlementResult(user.address(), SettlementStatus.INVALID_NONCE, Units.og(2)));
        Account account = user.inference().getAccount(user.address(), provider.address());
        assertThat(account.nonce()).isEqualTo(BigInteger.valueOf(100));
        assertThat(account.balance()).isEqualTo(Units.og(4));
    }

    @Test
    void shouldAcceptIncreasingNoncesWithGapsInOneBatch() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(List.of(
                actors.settlement(provider, user.address(), Units.og(1), 3),
                actors.settlement(provider, user.address(), Units.og(1), 1_000_000)));

        assertThat(outcome.results()).extracting(SettlementResult::status)
                .containsExactly(SettlementStatus.SUCCESS, SettlementStatus.SUCCESS);
        assertThat(user.inference().getAccount(user.address(), provider.address()).nonce())
                .isEqualTo(BigInteger.valueOf(1_000_000));
    }

    @Test
    void shouldReportInvalidSignatureForAWrongSigner() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        Secp256k1Key impostor = Secp256k1Key.random();

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(List.of(
                actors.signedBy(impostor, user.address(), provider.address(), Units.og(1), 1),
                actors.signedBy(provider.key(), user.address(), provider.address(), Units.og(1), 2)));

        assertThat(outcome.results()).containsExactly(
                new SettlementResult(user.address(), SettlementStatus.INVALID_SIGNATURE, Units.og(1)),
                new SettlementResult(user.address(), SettlementStatus.INVALID_SIGNATURE, Units.og(1)));
        assertNothingSettled(user, provider);
    }

    @Test
    void shouldReportInvalidSignatureForAFeeOtherThanTheSignedOne() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        TeeSettlement signed = actors.settlement(provider, user.address(), Units.og(1), 1);
        TeeSettlement tampered = new TeeSettlement(signed.user(), signed.provider(), Units.og(2), signed.requestsHash(),
                signed.nonce(), signed.signature());

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(List.of(tampered));

        assertThat(outcome.results()).extracting(SettlementResult::status)
                .containsExactly(SettlementStatus.INVALID_SIGNATURE);
        assertNothingSettled(user, provider);
    }

    @Test
    void shouldReportInvalidSignatureForAHighSTwinOfAValidSignature() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        TeeSettlement valid = actors.settlement(provider, user.address(), Units.og(1), 1);
        Signature signature = valid.signature();
        Signature twin = Signature.fromComponents(signature.r(), SECP256K1_ORDER.subtract(signature.s()),
                signature.v() == 27 ? 28 : 27);
        TeeSettlement malleated = new TeeSettlement(valid.user(), valid.provider(), valid.totalFee(),
                valid.requestsHash(), valid.nonce(), twin);

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(List.of(malleated, valid));

        assertThat(outcome.results()).extracting(SettlementResult::status)
                .containsExactly(SettlementStatus.INVALID_SIGNATURE, SettlementStatus.SUCCESS);
    }

    @Test
    void shouldReportInvalidSignatureForASignatureOfAnotherDomain() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        long chainId = actors.chain.rpc.chainId();
        Hash32 requests = Hash32.keccak256("requests");
        TeeSettlement otherContract = new SettlementDomain(chainId, actors.deployment.ledger())
                .sign(provider.tee(), user.address(), provider.address(), Units.og(1), requests, BigInteger.ONE);
        TeeSettlement otherChain = new SettlementDomain(chainId + 1, actors.deployment.inference())
                .sign(provider.tee(), user.address(), provider.address(), Units.og(1), requests, BigInteger.ONE);

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(List.of(otherContract, otherChain));

        assertThat(outcome.results()).extracting(SettlementResult::status)
                .containsExactly(SettlementStatus.INVALID_SIGNATURE, SettlementStatus.INVALID_SIGNATURE);
        assertNothingSettled(user, provider);
    }

    @Test
    void shouldReportNoTeeSignerForAnAcknowledgedServiceWithoutSignerAddress() {
        User registrant = actors.stranger(Actors.STAKE);
        registrant.inference().addOrUpdateService(Actors.serviceParams(Address.ZERO), Actors.STAKE);
        actors.ownerInference().acknowledgeTEESignerByOwner(registrant.address());
        Provider provider = new Provider(registrant.key(), Secp256k1Key.random(), registrant.inference());
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        // r = s = 0 recovers to nobody: a contract comparing the recovered address to 0 would accept it
        TeeSettlement unsigned = new TeeSettlement(user.address(), provider.address(), Units.og(1),
                Hash32.keccak256("requests"), BigInteger.ONE, Signature.fromComponents(BigInteger.ZERO, BigInteger.ZERO, 27));

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(List.of(unsigned,
                actors.settlement(provider, user.address(), Units.og(1), 2)));

        assertThat(outcome.results()).extracting(SettlementResult::status)
                .containsExactly(SettlementStatus.NO_TEE_SIGNER, SettlementStatus.NO_TEE_SIGNER);
        assertNothingSettled(user, provider);
    }

    @Test
    void shouldReportInvalidSignatureForAUserWithoutAccount() {
        Provider provider = actors.provider();
        Address nobody = Secp256k1Key.random().address();

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(
                List.of(actors.settlement(provider, nobody, Units.og(1), 1)));

        assertThat(outcome.results()).containsExactly(
                new SettlementResult(nobody, SettlementStatus.INVALID_SIGNATURE, Units.og(1)));
        assertThat(actors.ledgerView().events(outcome.receipt())).isEmpty();
    }

    @Test
    void shouldConsumePendingRefundsNewestFirstWhenTheUsableBalanceIsShort() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        user.ledger().retrieveFund(List.of(provider.address()), SERVICE);            // refunds [5]
        user.ledger().transferFund(provider.address(), SERVICE, Units.og(1));         // revives 1: [4]
        user.ledger().retrieveFund(List.of(provider.address()), SERVICE);            // [4, 1]
        BigInteger firstCreatedAt = user.inference().getAccount(user.address(), provider.address())
                .activeRefunds().get(0).createdAt();

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(
                List.of(actors.settlement(provider, user.address(), Units.og(2), 1)));

        assertThat(outcome.results()).extracting(SettlementResult::status).containsExactly(SettlementStatus.SUCCESS);
        Account account = user.inference().getAccount(user.address(), provider.address());
        assertThat(account.balance()).isEqualTo(Units.og(3));
        assertThat(account.pendingRefund()).isEqualTo(Units.og(3));
        assertThat(account.validRefundsLength()).isEqualTo(BigInteger.ONE);
        assertThat(account.activeRefunds()).extracting(Refund::amount, Refund::createdAt)
                .containsExactly(tuple(Units.og(3), firstCreatedAt));
        assertThat(eventsOf(InferenceEvent.BalanceUpdated.class, actors.inferenceView().events(outcome.receipt())))
                .containsExactly(new InferenceEvent.BalanceUpdated(user.address(), provider.address(), Units.og(3),
                        Units.og(3)));
    }

    @Test
    void shouldTakePendingRefundsToo() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        user.ledger().retrieveFund(List.of(provider.address()), SERVICE);

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(
                List.of(actors.settlement(provider, user.address(), Units.og(6), 1)));

        assertThat(outcome.results()).containsExactly(
                new SettlementResult(user.address(), SettlementStatus.PARTIAL, Units.og(1)));
        Account account = user.inference().getAccount(user.address(), provider.address());
        assertThat(account.balance()).isZero();
        assertThat(account.pendingRefund()).isZero();
        assertThat(account.validRefundsLength()).isZero();
    }

    @Test
    void shouldRevertWithNoSettlementsProvidedForAnEmptyBatch() {
        Provider provider = actors.provider();

        assertThat(revertOf(() -> provider.inference().settleFeesWithTEE(List.of())))
                .isEqualTo(error("NoSettlementsProvided"));
        assertThat(revertOf(() -> provider.inference().previewSettlementResults(provider.address(), List.of())))
                .isEqualTo(error("NoSettlementsProvided"));
    }

    @Test
    void shouldRevertWithTooManySettlementsAbove50() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        List<TeeSettlement> batch = Collections.nCopies(51,
                actors.settlement(provider, user.address(), BigInteger.ONE, 1));

        assertThat(revertOf(() -> provider.inference().settleFeesWithTEE(batch)))
                .isEqualTo(error("TooManySettlements", "count", 51, "max", 50));
        assertThat(revertOf(() -> provider.inference().previewSettlementResults(provider.address(), batch)))
                .isEqualTo(error("TooManySettlements", "count", 51, "max", 50));
    }

    @Test
    void shouldSettleFiftyUsersInOneTransactionWithOnePayment() {
        Provider provider = actors.provider();
        List<TeeSettlement> batch = new ArrayList<>();
        List<User> users = new ArrayList<>();
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < 50; i++) {
            User user = actors.userWithAccount(provider, Units.og(3), Units.og(1));
            BigInteger fee = Units.og(1).divide(BigInteger.valueOf(100)).multiply(BigInteger.valueOf(i + 1));
            users.add(user);
            batch.add(actors.settlement(provider, user.address(), fee, 1));
            sum = sum.add(fee);
        }
        BigInteger providerBefore = actors.balanceOf(provider.address());
        BigInteger contractBefore = actors.balanceOf(actors.deployment.inference());

        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(batch);

        assertThat(outcome.results()).hasSize(50)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(SettlementStatus.SUCCESS));
        assertThat(outcome.results()).extracting(SettlementResult::user)
                .containsExactlyElementsOf(users.stream().map(User::address).toList());
        assertThat(actors.balanceOf(provider.address()))
                .isEqualTo(providerBefore.add(sum).subtract(outcome.receipt().fee()));
        assertThat(actors.balanceOf(actors.deployment.inference())).isEqualTo(contractBefore.subtract(sum));
        assertThat(eventsOf(LedgerEvent.FundSpent.class, actors.ledgerView().events(outcome.receipt()))).hasSize(50);
        assertThat(actors.inferenceView().getAccount(users.get(49).address(), provider.address()).balance())
                .isEqualTo(Units.og(1).subtract(batch.get(49).totalFee()));
    }

    @Test
    void shouldPreviewAMixedBatchExactlyAsItIsThenSettled() {
        Provider provider = actors.provider();
        Provider other = actors.provider();
        User success = actors.userWithAccount(provider, Units.og(10), FIVE);
        User partial = actors.userWithAccount(provider, Units.og(10), Units.og(2));
        User mismatch = actors.userWithAccount(other, Units.og(10), FIVE);
        User replay = actors.userWithAccount(provider, Units.og(10), FIVE);
        provider.inference().settleFeesWithTEE(List.of(actors.settlement(provider, replay.address(), Units.og(1), 10)));
        User forged = actors.userWithAccount(provider, Units.og(10), FIVE);
        User unacknowledged = actors.userWithAccount(provider, Units.og(10), Units.og(1));
        provider.inference().settleFeesWithTEE(
                List.of(actors.settlement(provider, unacknowledged.address(), Units.og(1), 1)));
        unacknowledged.inference().acknowledgeTEESigner(provider.address(), false);
        List<TeeSettlement> batch = List.of(
                actors.settlement(provider, success.address(), Units.og(1), 5),
                actors.settlement(provider, partial.address(), Units.og(3), 5),
                actors.settlement(other, mismatch.address(), Units.og(1), 5),
                actors.settlement(provider, replay.address(), Units.og(1), 10),
                actors.signedBy(Secp256k1Key.random(), forged.address(), provider.address(), Units.og(1), 5),
                actors.settlement(provider, unacknowledged.address(), Units.og(1), 5));

        SettlementPreview preview = actors.inferenceView().previewSettlementResults(provider.address(), batch);
        SettlementOutcome outcome = provider.inference().settleFeesWithTEE(batch);

        assertThat(preview).isEqualTo(new SettlementPreview(
                List.of(mismatch.address(), replay.address(), forged.address(), unacknowledged.address()),
                List.of(SettlementStatus.PROVIDER_MISMATCH, SettlementStatus.INVALID_NONCE,
                        SettlementStatus.INVALID_SIGNATURE, SettlementStatus.NO_TEE_SIGNER),
                List.of(partial.address()), List.of(Units.og(1))));
        assertThat(outcome.results()).containsExactly(
                new SettlementResult(success.address(), SettlementStatus.SUCCESS, BigInteger.ZERO),
                new SettlementResult(partial.address(), SettlementStatus.PARTIAL, Units.og(1)),
                new SettlementResult(mismatch.address(), SettlementStatus.PROVIDER_MISMATCH, Units.og(1)),
                new SettlementResult(replay.address(), SettlementStatus.INVALID_NONCE, Units.og(1)),
                new SettlementResult(forged.address(), SettlementStatus.INVALID_SIGNATURE, Units.og(1)),
                new SettlementResult(unacknowledged.address(), SettlementStatus.NO_TEE_SIGNER, Units.og(1)));
    }

    @Test
    void shouldPreviewWithoutChangingState() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(10), FIVE);
        Account before = actors.inferenceView().getAccount(user.address(), provider.address());

        SettlementPreview preview = actors.inferenceView().previewSettlementResults(provider.address(),
                List.of(actors.settlement(provider, user.address(), Units.og(1), 1)));

        assertThat(preview).isEqualTo(new SettlementPreview(List.of(), List.of(), List.of(), List.of()));
        assertThat(actors.inferenceView().getAccount(user.address(), provider.address())).isEqualTo(before);
    }

    /** The account and ledger of {@code user} with {@code provider} are as the fixture left them. */
    private void assertNothingSettled(User user, Provider provider) {
        Account account = actors.inferenceView().getAccount(user.address(), provider.address());
        assertThat(account.balance()).isEqualTo(FIVE);
        assertThat(account.nonce()).isZero();
        assertThat(user.ledger().getLedger(user.address()).totalBalance()).isEqualTo(Units.og(10));
    }
}
