package ai.zerog.compute.chain;

import static ai.zerog.compute.chain.Actors.SERVICE;
import static ai.zerog.compute.chain.Actors.error;
import static ai.zerog.compute.chain.Actors.eventsOf;
import static ai.zerog.compute.chain.Actors.revertOf;
import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.Actors.Provider;
import ai.zerog.compute.chain.Actors.User;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.SettlementStatus;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two-phase retrieval of sub-account money through the lock time (PROTOCOL.md §1.5, §1.6),
 * account deletion, and session-token revocation (§3.5). Time travel moves the shared clock, so
 * only times relative to what the chain reported are asserted.
 */
class RefundAndRevocationTest {
    private static final Duration LOCK_TIME = TestChain.LOCK_TIME;
    private static final Duration HALF_LOCK_TIME = LOCK_TIME.dividedBy(2);

    private final Actors actors = Actors.shared();

    // ---- retrieveFund through the lock time ----

    @Test
    void shouldStartARefundAndPayItBackToTheLedgerOnlyAfterTheLockTime() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(10), Units.og(5));
        Address u = user.address();
        Address p = provider.address();

        TxReceipt started = user.ledger().retrieveFund(List.of(p), SERVICE);

        BigInteger startedAt = actors.latestTimestamp();
        assertThat(user.inference().events(started))
                .containsExactly(new InferenceEvent.RefundRequested(u, p, BigInteger.ZERO, startedAt));
        Account pending = user.inference().getAccount(u, p);
        assertThat(pending.balance()).isEqualTo(Units.og(5));
        assertThat(pending.pendingRefund()).isEqualTo(Units.og(5));
        assertThat(pending.validRefundsLength()).isEqualTo(BigInteger.ONE);
        assertThat(pending.activeRefunds()).containsExactly(new Refund(BigInteger.ZERO, Units.og(5), startedAt, false));
        assertThat(user.ledger().getLedger(u)).isEqualTo(new Ledger(u, Units.og(5), Units.og(10), ""));

        TxReceipt early = user.ledger().retrieveFund(List.of(p), SERVICE);

        // nothing is queued, yet the official contract re-announces the newest active refund; ours does the same
        assertThat(user.inference().events(early))
                .containsExactly(new InferenceEvent.RefundRequested(u, p, BigInteger.ZERO, actors.latestTimestamp()));
        assertThat(user.inference().getAccount(u, p)).isEqualTo(pending);
        assertThat(user.ledger().getLedger(u)).isEqualTo(new Ledger(u, Units.og(5), Units.og(10), ""));

        actors.travel(LOCK_TIME.plusSeconds(1));
        TxReceipt collected = user.ledger().retrieveFund(List.of(p), SERVICE);

        assertThat(user.inference().events(collected))
                .containsExactly(new InferenceEvent.BalanceUpdated(u, p, BigInteger.ZERO, BigInteger.ZERO));
        Account empty = user.inference().getAccount(u, p);
        assertThat(empty.balance()).isZero();
        assertThat(empty.pendingRefund()).isZero();
        assertThat(empty.validRefundsLength()).isZero();
        assertThat(user.ledger().getLedger(u)).isEqualTo(new Ledger(u, Units.og(10), Units.og(10), ""));
    }

    @Test
    void shouldReleaseOnlyUnlockedRefundsAndMoveTheOthersToTheFront() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(10), Units.og(5));
        Address u = user.address();
        Address p = provider.address();
        user.ledger().retrieveFund(List.of(p), SERVICE);                       // [5]
        actors.travel(HALF_LOCK_TIME);
        user.ledger().transferFund(p, SERVICE, Units.og(2));                    // revives 2: [3]
        user.ledger().retrieveFund(List.of(p), SERVICE);                       // [3, 2]
        BigInteger secondCreatedAt = actors.latestTimestamp();

        actors.travel(HALF_LOCK_TIME.plusSeconds(1));
        TxReceipt receipt = user.ledger().retrieveFund(List.of(p), SERVICE);

        Account account = user.inference().getAccount(u, p);
        assertThat(account.balance()).isEqualTo(Units.og(2));
        assertThat(account.pendingRefund()).isEqualTo(Units.og(2));
        assertThat(account.validRefundsLength()).isEqualTo(BigInteger.ONE);
        assertThat(account.activeRefunds()).hasSize(1);
        assertThat(account.activeRefunds().get(0).amount()).isEqualTo(Units.og(2));
        assertThat(account.activeRefunds().get(0).createdAt()).isEqualTo(secondCreatedAt);
        assertThat(user.ledger().getLedger(u)).isEqualTo(new Ledger(u, Units.og(8), Units.og(10), ""));
        assertThat(eventsOf(InferenceEvent.BalanceUpdated.class, user.inference().events(receipt)))
                .containsExactly(new InferenceEvent.BalanceUpdated(u, p, Units.og(2), Units.og(2)));

        actors.travel(HALF_LOCK_TIME);
        user.ledger().retrieveFund(List.of(p), SERVICE);

        assertThat(user.inference().getAccount(u, p).balance()).isZero();
        assertThat(user.ledger().getLedger(u)).isEqualTo(new Ledger(u, Units.og(10), Units.og(10), ""));
    }

    @Test
    void shouldHoldRefundsForTheLockTimeTheOwnerSetLast() {
        Actors own = Actors.ownDeployment();
        own.ownerInference().updateLockTime(BigInteger.valueOf(LOCK_TIME.multipliedBy(2).toSeconds()));
        Provider provider = own.unacknowledgedProvider();
        User user = own.userWithAccount(provider, Units.og(5), Units.og(2));
        user.ledger().retrieveFund(List.of(provider.address()), SERVICE);

        own.travel(LOCK_TIME.plusSeconds(1));
        user.ledger().retrieveFund(List.of(provider.address()), SERVICE);

        assertThat(user.inference().getPendingRefund(user.address(), provider.address())).isEqualTo(Units.og(2));

        own.travel(LOCK_TIME);
        user.ledger().retrieveFund(List.of(provider.address()), SERVICE);

        assertThat(user.inference().getAccount(user.address(), provider.address()).balance()).isZero();
        assertThat(user.ledger().getLedger(user.address()).availableBalance()).isEqualTo(Units.og(5));
    }

    @Test
    void shouldRevertWithTooManyRefundsWhenASixthRefundWouldBeQueued() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(20), Units.og(10));
        Address u = user.address();
        Address p = provider.address();
        user.ledger().retrieveFund(List.of(p), SERVICE);                                        // [10]
        // each top-up smaller than the newest refund revives part of it; queuing it adds one entry
        for (String topUp : List.of("4", "2", "1", "0.5")) {
            user.ledger().transferFund(p, SERVICE, Units.toNeuron(topUp));
            user.ledger().retrieveFund(List.of(p), SERVICE);
        }
        Account full = user.inference().getAccount(u, p);
        assertThat(full.validRefundsLength()).isEqualTo(BigInteger.valueOf(5));
        assertThat(full.activeRefunds()).extracting(Refund::amount).containsExactly(Units.og(6), Units.og(2),
                Units.og(1), Units.toNeuron("0.5"), Units.toNeuron("0.5"));
        assertThat(full.pendingRefund()).isEqualTo(Units.og(10));
        user.ledger().transferFund(p, SERVICE, Units.toNeuron("0.25"));                         // usable 0.25

        assertThat(revertOf(() -> user.ledger().retrieveFund(List.of(p), SERVICE)))
                .isEqualTo(error("TooManyRefunds", "user", u, "provider", p));
    }

    @Test
    void shouldCancelPendingRefundsNewestFirstWhenTheUserTopsUp() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(10), Units.og(5));
        Address u = user.address();
        Address p = provider.address();
        user.ledger().retrieveFund(List.of(p), SERVICE);                       // [5]
        BigInteger firstCreatedAt = actors.latestTimestamp();
        user.ledger().transferFund(p, SERVICE, Units.og(1));                    // [4]
        user.ledger().retrieveFund(List.of(p), SERVICE);                       // [4, 1]

        TxReceipt receipt = user.ledger().transferFund(p, SERVICE, Units.og(2));

        // the newest refund (1) goes entirely, the older one gives up 1 of its 4
        Account account = user.inference().getAccount(u, p);
        assertThat(account.balance()).isEqualTo(Units.og(5));
        assertThat(account.pendingRefund()).isEqualTo(Units.og(3));
        assertThat(account.validRefundsLength()).isEqualTo(BigInteger.ONE);
        assertThat(account.activeRefunds().get(0).amount()).isEqualTo(Units.og(3));
        assertThat(account.activeRefunds().get(0).createdAt()).isEqualTo(firstCreatedAt);
        assertThat(user.ledger().getLedger(u)).isEqualTo(new Ledger(u, Units.og(5), Units.og(10), ""));
        assertThat(user.inference().events(receipt))
                .containsExactly(new InferenceEvent.BalanceUpdated(u, p, Units.og(5), Units.og(3)));

        user.ledger().transferFund(p, SERVICE, Units.og(4));

        // 3 revived, 1 new from the ledger
        Account topped = user.inference().getAccount(u, p);
        assertThat(topped.balance()).isEqualTo(Units.og(6));
        assertThat(topped.pendingRefund()).isZero();
        assertThat(topped.validRefundsLength()).isZero();
        assertThat(user.ledger().getLedger(u)).isEqualTo(new Ledger(u, Units.og(4), Units.og(10), ""));
    }

    // ---- deleting a ledger with its sub-accounts ----

    @Test
    void shouldDeleteTheSubAccountsWhenARefundEmptiesTheLedger() {
        Provider first = actors.unacknowledgedProvider();
        Provider second = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(first, Units.og(10), Units.og(2));
        Address u = user.address();
        user.ledger().transferFund(second.address(), SERVICE, Units.og(1));
        user.ledger().retrieveFund(List.of(first.address(), second.address()), SERVICE);
        actors.travel(LOCK_TIME.plusSeconds(1));
        user.ledger().retrieveFund(List.of(first.address(), second.address()), SERVICE);
        assertThat(user.ledger().getLedger(u)).isEqualTo(new Ledger(u, Units.og(10), Units.og(10), ""));

        TxReceipt receipt = user.ledger().refund(Units.og(10));

        assertThat(revertOf(() -> user.ledger().getLedger(u))).isEqualTo(error("LedgerNotExists", "user", u));
        assertThat(user.inference().events(receipt)).containsExactlyInAnyOrder(
                new InferenceEvent.AccountDeleted(u, first.address(), BigInteger.ZERO),
                new InferenceEvent.AccountDeleted(u, second.address(), BigInteger.ZERO));
        assertThat(user.inference().accountExists(u, first.address())).isFalse();
        assertThat(user.inference().accountExists(u, second.address())).isFalse();
        assertThat(user.inference().getAccountsByUser(u, 0, 0).items()).isEmpty();
    }

    @Test
    void shouldKeepNonceAndGenerationWhenADeletedAccountIsRecreated() {
        Provider provider = actors.provider();
        User user = actors.stranger(Units.og(10));
        Address u = user.address();
        Address p = provider.address();
        user.ledger().addLedger("", Units.og(5));
        user.ledger().transferFund(p, SERVICE, Units.og(2));
        provider.inference().settleFeesWithTEE(List.of(actors.settlement(provider, u, Units.og(2), 42)));
        user.inference().revokeAllTokens(p);
        user.inference().revokeAllTokens(p);
        user.inference().revokeToken(p, 9);
        user.ledger().refund(Units.og(3));                                      // total 0: ledger and account go

        user.ledger().addLedger("", Units.og(3));
        user.ledger().transferFund(p, SERVICE, Units.og(1));

        assertThat(user.inference().getAccount(u, p)).isEqualTo(new Account(u, p, BigInteger.valueOf(42),
                Units.og(1), BigInteger.ZERO, List.of(), "", true, BigInteger.ZERO, BigInteger.TWO, BigInteger.ZERO));
        assertThat(provider.inference().settleFeesWithTEE(List.of(
                actors.settlement(provider, u, BigInteger.ONE, 42),
                actors.settlement(provider, u, BigInteger.ONE, 43))).results())
                .extracting(SettlementResult::status)
                .containsExactly(SettlementStatus.INVALID_NONCE, SettlementStatus.SUCCESS);
    }

    // ---- token revocation ----

    @Test
    void shouldRevokeOneTokenBySettingItsBit() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(5), Units.og(1));
        Address u = user.address();
        Address p = provider.address();

        TxReceipt receipt = user.inference().revokeToken(p, 3);

        assertThat(user.inference().events(receipt)).containsExactly(new InferenceEvent.TokenRevoked(u, p, 3));
        assertThat(user.inference().isTokenRevoked(u, p, 3)).isTrue();
        assertThat(user.inference().isTokenRevoked(u, p, 4)).isFalse();
        assertThat(user.inference().getAccount(u, p).revokedBitmap()).isEqualTo(BigInteger.valueOf(8));
    }

    @Test
    void shouldRevokeSeveralTokensAtOnceIncludingTheHighestBits() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(5), Units.og(1));
        Address u = user.address();
        Address p = provider.address();

        TxReceipt receipt = user.inference().revokeTokens(p, List.of(0, 7, 254, 255));

        assertThat(user.inference().events(receipt))
                .containsExactly(new InferenceEvent.TokensRevoked(u, p, List.of(0, 7, 254, 255)));
        assertThat(user.inference().getAccount(u, p).revokedBitmap()).isEqualTo(BigInteger.ONE
                .or(BigInteger.ONE.shiftLeft(7)).or(BigInteger.ONE.shiftLeft(254)).or(BigInteger.ONE.shiftLeft(255)));
        assertThat(user.inference().isTokenRevoked(u, p, 254)).isTrue();
        assertThat(user.inference().isTokenRevoked(u, p, 1)).isFalse();
    }

    @Test
    void shouldRevokeAllTokensByBumpingTheGenerationAndClearingTheBitmap() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(5), Units.og(1));
        Address u = user.address();
        Address p = provider.address();
        user.inference().revokeTokens(p, List.of(1, 2));

        TxReceipt first = user.inference().revokeAllTokens(p);

        assertThat(user.inference().events(first))
                .containsExactly(new InferenceEvent.AllTokensRevoked(u, p, BigInteger.ONE));
        Account account = user.inference().getAccount(u, p);
        assertThat(account.generation()).isEqualTo(BigInteger.ONE);
        assertThat(account.revokedBitmap()).isZero();
        assertThat(user.inference().isTokenRevoked(u, p, 1)).isFalse();

        TxReceipt second = user.inference().revokeAllTokens(p);

        assertThat(user.inference().events(second))
                .containsExactly(new InferenceEvent.AllTokensRevoked(u, p, BigInteger.TWO));
        assertThat(user.inference().getAccount(u, p).generation()).isEqualTo(BigInteger.TWO);
    }
}
