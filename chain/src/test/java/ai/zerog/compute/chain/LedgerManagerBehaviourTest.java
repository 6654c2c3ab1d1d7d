package ai.zerog.compute.chain;

import static ai.zerog.compute.chain.Actors.MIN_LEDGER;
import static ai.zerog.compute.chain.Actors.MIN_TRANSFER;
import static ai.zerog.compute.chain.Actors.SERVICE;
import static ai.zerog.compute.chain.Actors.error;
import static ai.zerog.compute.chain.Actors.eventsOf;
import static ai.zerog.compute.chain.Actors.ownableError;
import static ai.zerog.compute.chain.Actors.revertOf;
import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.Actors.Provider;
import ai.zerog.compute.chain.Actors.User;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LedgerManager as PROTOCOL.md §1.2, §1.4 and §1.6 describe it, function by function. */
class LedgerManagerBehaviourTest {
    private static final String TOO_LONG = "x".repeat(4097);
    private static final String LONGEST = "y".repeat(4096);

    private final Actors actors = Actors.shared();

    // ---- addLedger ----

    @Test
    void shouldOpenALedgerWhoseAvailableAndTotalBalanceAreTheDeposit() {
        User user = actors.stranger(Units.og(5));
        BigInteger walletBefore = actors.balanceOf(user.address());

        TxReceipt receipt = user.ledger().addLedger("{\"nickname\":\"alice\"}", Units.og(5));

        assertThat(user.ledger().getLedger(user.address()))
                .isEqualTo(new Ledger(user.address(), Units.og(5), Units.og(5), "{\"nickname\":\"alice\"}"));
        assertThat(actors.balanceOf(user.address())).isEqualTo(walletBefore.subtract(Units.og(5)).subtract(receipt.fee()));
        assertThat(user.ledger().events(receipt)).isEmpty();
    }

    @Test
    void shouldOpenALedgerWithExactly3OGAndTheLongestAllowedAdditionalInfo() {
        User user = actors.stranger(MIN_LEDGER);

        user.ledger().addLedger(LONGEST, MIN_LEDGER);

        assertThat(user.ledger().getLedger(user.address()))
                .isEqualTo(new Ledger(user.address(), MIN_LEDGER, MIN_LEDGER, LONGEST));
    }

    @Test
    void shouldRevertWithMinimumDepositRequiredWhenLedgerBelow3OG() {
        User user = actors.stranger(MIN_LEDGER);
        BigInteger justBelow = MIN_LEDGER.subtract(BigInteger.ONE);

        assertThat(revertOf(() -> user.ledger().addLedger("", justBelow)))
                .isEqualTo(error("MinimumDepositRequired", "provided", justBelow, "required", MIN_LEDGER));
    }

    @Test
    void shouldRevertWithAdditionalInfoTooLongWhenLedgerInfoExceeds4096Bytes() {
        User user = actors.stranger(MIN_LEDGER);

        assertThat(revertOf(() -> user.ledger().addLedger(TOO_LONG, MIN_LEDGER)))
                .isEqualTo(error("AdditionalInfoTooLong", "length", 4097, "max", 4096));
    }

    @Test
    void shouldCountAdditionalInfoLengthInBytesNotCharacters() {
        User user = actors.stranger(MIN_LEDGER);
        String twoBytesEach = "é".repeat(2049); // 4098 bytes in UTF-8

        assertThat(revertOf(() -> user.ledger().addLedger(twoBytesEach, MIN_LEDGER)))
                .isEqualTo(error("AdditionalInfoTooLong", "length", 4098, "max", 4096));
    }

    @Test
    void shouldRevertWithLedgerExistsWhenAddingASecondLedger() {
        User user = actors.stranger(MIN_LEDGER.multiply(BigInteger.TWO));
        user.ledger().addLedger("", MIN_LEDGER);

        assertThat(revertOf(() -> user.ledger().addLedger("", MIN_LEDGER)))
                .isEqualTo(error("LedgerExists", "user", user.address()));
    }

    // ---- depositFund / depositFundFor ----

    @Test
    void shouldCreateALedgerWithEmptyInfoWhenDepositFundFindsNone() {
        User user = actors.stranger(MIN_LEDGER);

        user.ledger().depositFund(MIN_LEDGER);

        assertThat(user.ledger().getLedger(user.address()))
                .isEqualTo(new Ledger(user.address(), MIN_LEDGER, MIN_LEDGER, ""));
    }

    @Test
    void shouldAddAnyPositiveDepositToAvailableAndTotalBalance() {
        User user = actors.user(MIN_LEDGER);

        user.ledger().depositFund(BigInteger.ONE);

        Ledger ledger = user.ledger().getLedger(user.address());
        assertThat(ledger.availableBalance()).isEqualTo(MIN_LEDGER.add(BigInteger.ONE));
        assertThat(ledger.totalBalance()).isEqualTo(MIN_LEDGER.add(BigInteger.ONE));
    }

    @Test
    void shouldRevertWithMinimumDepositRequiredWhenDepositFundWouldCreateALedgerBelow3OG() {
        User user = actors.stranger(MIN_LEDGER);

        assertThat(revertOf(() -> user.ledger().depositFund(Units.og(2))))
                .isEqualTo(error("MinimumDepositRequired", "provided", Units.og(2), "required", MIN_LEDGER));
    }

    @Test
    void shouldRevertWithZeroAmountNotAllowedOnAnEmptyDeposit() {
        User user = actors.user(MIN_LEDGER);

        assertThat(revertOf(() -> user.ledger().depositFund(BigInteger.ZERO))).isEqualTo(error("ZeroAmountNotAllowed"));
        assertThat(revertOf(() -> user.ledger().depositFundFor(user.address(), BigInteger.ZERO)))
                .isEqualTo(error("ZeroAmountNotAllowed"));
    }

    @Test
    void shouldCreateAndTopUpSomeoneElsesLedgerWithDepositFundFor() {
        User payer = actors.stranger(Units.og(10));
        Address recipient = Secp256k1Key.random().address();

        payer.ledger().depositFundFor(recipient, Units.og(4));
        payer.ledger().depositFundFor(recipient, Units.og(1));

        assertThat(payer.ledger().getLedger(recipient)).isEqualTo(new Ledger(recipient, Units.og(5), Units.og(5), ""));
        assertThat(revertOf(() -> payer.ledger().getLedger(payer.address())))
                .isEqualTo(error("LedgerNotExists", "user", payer.address()));
    }

    @Test
    void shouldRevertDepositFundForTheZeroAddressOrANewRecipientBelow3OG() {
        User payer = actors.stranger(Units.og(10));
        Address recipient = Secp256k1Key.random().address();

        assertThat(revertOf(() -> payer.ledger().depositFundFor(Address.ZERO, Units.og(5))))
                .isEqualTo(error("ZeroAddressNotAllowed"));
        assertThat(revertOf(() -> payer.ledger().depositFundFor(recipient, Units.og(1))))
                .isEqualTo(error("MinimumDepositRequired", "provided", Units.og(1), "required", MIN_LEDGER));
    }

    // ---- refund ----

    @Test
    void shouldPayARefundBackToTheWalletAndKeepTheLedger() {
        User user = actors.user(Units.og(10));
        BigInteger walletBefore = actors.balanceOf(user.address());

        TxReceipt receipt = user.ledger().refund(Units.og(4));

        assertThat(user.ledger().getLedger(user.address()))
                .isEqualTo(new Ledger(user.address(), Units.og(6), Units.og(6), ""));
        assertThat(actors.balanceOf(user.address())).isEqualTo(walletBefore.add(Units.og(4)).subtract(receipt.fee()));
    }

    @Test
    void shouldDeleteTheLedgerWhenARefundTakesTheTotalToZero() {
        User user = actors.user(Units.og(5));
        BigInteger walletBefore = actors.balanceOf(user.address());

        TxReceipt receipt = user.ledger().refund(Units.og(5));

        assertThat(revertOf(() -> user.ledger().getLedger(user.address())))
                .isEqualTo(error("LedgerNotExists", "user", user.address()));
        assertThat(actors.balanceOf(user.address())).isEqualTo(walletBefore.add(Units.og(5)).subtract(receipt.fee()));
    }

    @Test
    void shouldRevertWithMinimumDepositRequiredWhenARefundLeavesLessThan3OG() {
        User user = actors.user(Units.og(5));
        BigInteger remaining = Units.og(3).subtract(BigInteger.ONE);

        assertThat(revertOf(() -> user.ledger().refund(Units.og(2).add(BigInteger.ONE))))
                .isEqualTo(error("MinimumDepositRequired", "provided", remaining, "required", MIN_LEDGER));
    }

    @Test
    void shouldRevertWithInsufficientBalanceWhenRefundingMoreThanIsAvailable() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(5), Units.og(2));

        // 5 0G in total, but 2 of it sits in the sub-account
        assertThat(revertOf(() -> user.ledger().refund(Units.og(4))))
                .isEqualTo(error("InsufficientBalance", "user", user.address()));
    }

    // ---- transferFund ----

    @Test
    void shouldOpenASubAccountWithTheFirstTransfer() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.stranger(Units.og(10));
        user.ledger().addLedger("{\"k\":1}", Units.og(10));

        TxReceipt receipt = user.ledger().transferFund(provider.address(), SERVICE, Units.og(2));

        assertThat(user.ledger().getLedger(user.address()))
                .isEqualTo(new Ledger(user.address(), Units.og(8), Units.og(10), "{\"k\":1}"));
        Account account = user.inference().getAccount(user.address(), provider.address());
        assertThat(account.balance()).isEqualTo(Units.og(2));
        assertThat(account.pendingRefund()).isZero();
        assertThat(account.acknowledged()).isTrue();
        assertThat(account.additionalInfo()).isEqualTo("{\"k\":1}");
        assertThat(user.inference().events(receipt)).containsExactly(
                new InferenceEvent.BalanceUpdated(user.address(), provider.address(), Units.og(2), BigInteger.ZERO));
        assertThat(user.ledger().getLedgerProviders(user.address(), SERVICE)).containsExactly(provider.address());
    }

    @Test
    void shouldTopUpAnExistingSubAccountWithAnyAmount() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(10), Units.og(2));

        TxReceipt receipt = user.ledger().transferFund(provider.address(), SERVICE, BigInteger.ONE);

        assertThat(user.ledger().getLedger(user.address()).availableBalance())
                .isEqualTo(Units.og(8).subtract(BigInteger.ONE));
        assertThat(user.inference().getAccount(user.address(), provider.address()).balance())
                .isEqualTo(Units.og(2).add(BigInteger.ONE));
        assertThat(user.inference().events(receipt)).containsExactly(new InferenceEvent.BalanceUpdated(
                user.address(), provider.address(), Units.og(2).add(BigInteger.ONE), BigInteger.ZERO));
    }

    @Test
    void shouldTakeOnlyTheNewMoneyFromTheLedgerWhenATopUpRevivesPendingRefunds() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(10), Units.og(2));
        user.ledger().retrieveFund(List.of(provider.address()), SERVICE);

        user.ledger().transferFund(provider.address(), SERVICE, Units.og(3));

        // 2 0G of pending refund become usable again, 1 0G is new money
        assertThat(user.ledger().getLedger(user.address()))
                .isEqualTo(new Ledger(user.address(), Units.og(7), Units.og(10), ""));
        Account account = user.inference().getAccount(user.address(), provider.address());
        assertThat(account.balance()).isEqualTo(Units.og(3));
        assertThat(account.pendingRefund()).isZero();
        assertThat(account.validRefundsLength()).isZero();
    }

    @Test
    void shouldRevertWithMinimumDepositRequiredWhenTheFirstTransferIsBelow1OG() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.user(Units.og(5));
        BigInteger justBelow = MIN_TRANSFER.subtract(BigInteger.ONE);

        assertThat(revertOf(() -> user.ledger().transferFund(provider.address(), SERVICE, justBelow)))
                .isEqualTo(error("MinimumDepositRequired", "provided", justBelow, "required", MIN_TRANSFER));
    }

    @Test
    void shouldRevertWithInsufficientAvailableBalanceWhenTransferringMoreThanIsAvailable() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.user(Units.og(5));

        assertThat(revertOf(() -> user.ledger().transferFund(provider.address(), SERVICE, Units.og(6))))
                .isEqualTo(error("InsufficientAvailableBalance", "available", Units.og(5), "required", Units.og(6)));
    }

    @Test
    void shouldRequireAvailableBalanceOnlyForTheNewMoneyOfATopUp() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(5), Units.og(4));
        user.ledger().retrieveFund(List.of(provider.address()), SERVICE);

        // 4 of the 6 revive the pending refund; the other 2 must come from the 1 still available
        assertThat(revertOf(() -> user.ledger().transferFund(provider.address(), SERVICE, Units.og(6))))
                .isEqualTo(error("InsufficientAvailableBalance", "available", Units.og(1), "required", Units.og(2)));
        user.ledger().transferFund(provider.address(), SERVICE, Units.og(5));
        assertThat(user.ledger().getLedger(user.address()).availableBalance()).isZero();
    }

    @Test
    void shouldRevertWithServiceNotFoundForAnUnknownServiceName() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.user(Units.og(5));

        assertThat(revertOf(() -> user.ledger().transferFund(provider.address(), "inference-v9.9", Units.og(1))))
                .isEqualTo(error("ServiceNotFound", "serviceAddress", Address.ZERO));
        assertThat(revertOf(() -> user.ledger().retrieveFund(List.of(provider.address()), "inference-v9.9")))
                .isEqualTo(error("ServiceNotFound", "serviceAddress", Address.ZERO));
        assertThat(revertOf(() -> user.ledger().getLedgerProviders(user.address(), "inference-v9.9")))
                .isEqualTo(error("ServiceNotFound", "serviceAddress", Address.ZERO));
    }

    @Test
    void shouldRevertWithCallFailedWhenTheServingContractRefusesTheSubAccount() {
        User user = actors.user(Units.og(5));

        // the serving contract refuses user == provider (ProviderCannotBeUser); the ledger only reports CallFailed
        assertThat(revertOf(() -> user.ledger().transferFund(user.address(), SERVICE, Units.og(1))))
                .isEqualTo(error("CallFailed"));
    }

    @Test
    void shouldRevertWithTooManyProvidersForServiceAtThe51stProvider() {
        List<Provider> providers = Actors.crowdOfProviders();
        User user = actors.user(Units.og(60));
        for (Provider provider : providers.subList(0, 50)) {
            user.ledger().transferFund(provider.address(), SERVICE, MIN_TRANSFER);
        }

        assertThat(revertOf(() -> user.ledger().transferFund(providers.get(50).address(), SERVICE, MIN_TRANSFER)))
                .isEqualTo(error("TooManyProvidersForService", "current", 50, "maximum", 50));
        assertThat(user.ledger().getLedgerProviders(user.address(), SERVICE))
                .containsExactlyInAnyOrderElementsOf(providers.subList(0, 50).stream().map(Provider::address).toList());
    }

    // ---- retrieveFund ----

    @Test
    void shouldQueueTheWholeUsableBalanceAndSkipProvidersWithoutSubAccount() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(10), Units.og(2));
        Address noAccount = Secp256k1Key.random().address();

        TxReceipt receipt = user.ledger().retrieveFund(List.of(noAccount, provider.address()), SERVICE);

        Account account = user.inference().getAccount(user.address(), provider.address());
        assertThat(account.balance()).isEqualTo(Units.og(2));
        assertThat(account.pendingRefund()).isEqualTo(Units.og(2));
        assertThat(user.ledger().getLedger(user.address()))
                .isEqualTo(new Ledger(user.address(), Units.og(8), Units.og(10), ""));
        assertThat(eventsOf(InferenceEvent.RefundRequested.class, user.inference().events(receipt))).hasSize(1);
        assertThat(user.inference().accountExists(user.address(), noAccount)).isFalse();
    }

    @Test
    void shouldRevertWithTooManyProvidersWhenRetrievingFromMoreThan20() {
        User user = actors.user(MIN_LEDGER);
        List<Address> providers = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            providers.add(Secp256k1Key.random().address());
        }

        assertThat(revertOf(() -> user.ledger().retrieveFund(providers, SERVICE)))
                .isEqualTo(error("TooManyProviders", "requested", 21, "maximum", 20));
        user.ledger().retrieveFund(providers.subList(0, 20), SERVICE);
    }

    // ---- deleteLedger ----

    @Test
    void shouldDeleteAnEmptyLedgerAndItsSubAccounts() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, MIN_LEDGER, MIN_LEDGER);
        // the provider settles everything: total balance 0, but the ledger is still there
        provider.inference().settleFeesWithTEE(List.of(actors.settlement(provider, user.address(), MIN_LEDGER, 1)));
        assertThat(user.ledger().getLedger(user.address()))
                .isEqualTo(new Ledger(user.address(), BigInteger.ZERO, BigInteger.ZERO, ""));

        TxReceipt receipt = user.ledger().deleteLedger();

        assertThat(revertOf(() -> user.ledger().getLedger(user.address())))
                .isEqualTo(error("LedgerNotExists", "user", user.address()));
        assertThat(user.inference().accountExists(user.address(), provider.address())).isFalse();
        assertThat(user.inference().events(receipt)).containsExactly(
                new InferenceEvent.AccountDeleted(user.address(), provider.address(), BigInteger.ZERO));
        assertThat(user.ledger().getLedgerProviders(user.address(), SERVICE)).isEmpty();
    }

    @Test
    void shouldRevertWithMustWithdrawAllFundsFirstWhenDeletingALedgerWithMoney() {
        User user = actors.user(Units.og(4));

        assertThat(revertOf(() -> user.ledger().deleteLedger()))
                .isEqualTo(error("MustWithdrawAllFundsFirst", "remainingBalance", Units.og(4)));
    }

    // ---- updateAdditionalInfo ----

    @Test
    void shouldUpdateAdditionalInfoAndEmitLedgerInfoUpdated() {
        User user = actors.user(MIN_LEDGER);

        TxReceipt receipt = user.ledger().updateAdditionalInfo("{\"v\":2}");

        assertThat(user.ledger().getLedger(user.address()).additionalInfo()).isEqualTo("{\"v\":2}");
        assertThat(user.ledger().events(receipt))
                .containsExactly(new LedgerEvent.LedgerInfoUpdated(user.address(), "{\"v\":2}"));
    }

    @Test
    void shouldRevertWithAdditionalInfoTooLongWhenUpdatingInfoBeyond4096Bytes() {
        User user = actors.user(MIN_LEDGER);

        assertThat(revertOf(() -> user.ledger().updateAdditionalInfo(TOO_LONG)))
                .isEqualTo(error("AdditionalInfoTooLong", "length", 4097, "max", 4096));
    }

    // ---- a stranger without a ledger ----

    @Test
    void shouldRevertWithLedgerNotExistsForEveryOwnerOperationOfAStranger() {
        Provider provider = actors.unacknowledgedProvider();
        User stranger = actors.stranger();
        Address me = stranger.address();

        assertThat(revertOf(() -> stranger.ledger().getLedger(me))).isEqualTo(error("LedgerNotExists", "user", me));
        assertThat(revertOf(() -> stranger.ledger().refund(BigInteger.ONE)))
                .isEqualTo(error("LedgerNotExists", "user", me));
        assertThat(revertOf(() -> stranger.ledger().transferFund(provider.address(), SERVICE, MIN_TRANSFER)))
                .isEqualTo(error("LedgerNotExists", "user", me));
        assertThat(revertOf(() -> stranger.ledger().retrieveFund(List.of(provider.address()), SERVICE)))
                .isEqualTo(error("LedgerNotExists", "user", me));
        assertThat(revertOf(() -> stranger.ledger().deleteLedger())).isEqualTo(error("LedgerNotExists", "user", me));
        assertThat(revertOf(() -> stranger.ledger().updateAdditionalInfo("x")))
                .isEqualTo(error("LedgerNotExists", "user", me));
    }

    @Test
    void shouldRevertWithCallerNotRegisteredServiceWhenAStrangerSpendsFunds() {
        User user = actors.user(MIN_LEDGER);
        User stranger = actors.stranger();

        assertThat(revertOf(() -> stranger.ledger().spendFund(user.address(), BigInteger.ONE)))
                .isEqualTo(error("CallerNotRegisteredService", "caller", stranger.address()));
    }

    @Test
    void shouldRevertWithDirectDepositsDisabledOnAPlainTransferToTheLedger() {
        User user = actors.stranger(Units.og(1));

        assertThat(revertOf(() -> actors.chain.sender(user.key()).transfer(actors.deployment.ledger(), Units.og(1))))
                .isEqualTo(error("DirectDepositsDisabled"));
    }

    // ---- views ----

    @Test
    void shouldPageThroughAllLedgersInCreationOrder() {
        User payer = actors.stranger(Units.og(3 * 51));
        List<Address> recipients = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            Address recipient = Secp256k1Key.random().address();
            payer.ledger().depositFundFor(recipient, MIN_LEDGER);
            recipients.add(recipient);
        }
        LedgerManagerContract view = actors.ledgerView();
        long total = view.getAllLedgers(0, 1).total().longValueExact();

        Page<Ledger> mine = view.getAllLedgers(total - 51, 51);
        Page<Ledger> defaultPage = view.getAllLedgers(0, 0);
        Page<Ledger> lastTwo = view.getAllLedgers(total - 2, 2);
        Page<Ledger> beyond = view.getAllLedgers(total, 10);
        Page<Ledger> uncapped = view.getAllLedgers(total - 51, 500);

        assertThat(mine.items()).extracting(Ledger::user).containsExactlyElementsOf(recipients);
        assertThat(mine.items()).allSatisfy(l -> assertThat(l.totalBalance()).isEqualTo(MIN_LEDGER));
        assertThat(mine.total()).isEqualTo(BigInteger.valueOf(total));
        assertThat(defaultPage.items()).hasSize(50);
        assertThat(lastTwo.items()).extracting(Ledger::user).containsExactlyElementsOf(recipients.subList(49, 51));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(BigInteger.valueOf(total));
        assertThat(uncapped.items()).hasSize(51);
    }

    @Test
    void shouldListTheProvidersAUserFundedThroughAService() {
        Provider first = actors.unacknowledgedProvider();
        Provider second = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(first, Units.og(10), Units.og(1));
        user.ledger().transferFund(second.address(), SERVICE, Units.og(1));
        user.ledger().transferFund(first.address(), SERVICE, Units.og(1));

        assertThat(user.ledger().getLedgerProviders(user.address(), SERVICE))
                .containsExactlyInAnyOrder(first.address(), second.address());
        assertThat(user.ledger().getLedgerProviders(Secp256k1Key.random().address(), SERVICE)).isEmpty();
    }

    @Test
    void shouldDescribeTheRegisteredInferenceService() {
        LedgerManagerContract view = actors.ledgerView();
        Address inference = actors.deployment.inference();

        ServiceInfo info = view.getServiceInfo(inference);

        assertThat(info.serviceAddress()).isEqualTo(inference);
        assertThat(info.serviceContract()).isEqualTo(inference);
        assertThat(info.serviceType()).isEqualTo("inference");
        assertThat(info.version()).isEqualTo("v1.0");
        assertThat(info.fullName()).isEqualTo("inference-v1.0");
        assertThat(info.recommended()).isTrue();
        assertThat(info.registeredAt()).isPositive().isLessThanOrEqualTo(actors.latestTimestamp());
        assertThat(view.getServiceAddressByName("inference-v1.0")).isEqualTo(inference);
        assertThat(view.getAllActiveServices()).containsExactly(info);
        assertThat(view.getRecommendedService("inference")).isEqualTo(new RecommendedService("v1.0", inference));
        assertThat(view.getAllVersions("inference")).containsExactly(new ServiceVersion("v1.0", inference, true));
        assertThat(view.isRecommendedVersion("inference", "v1.0")).isTrue();
    }

    @Test
    void shouldAnswerUnknownServicesWithZeroValues() {
        LedgerManagerContract view = actors.ledgerView();

        assertThat(view.getServiceInfo(Secp256k1Key.random().address())).isEqualTo(new ServiceInfo(Address.ZERO,
                Address.ZERO, "", "", "", "", false, BigInteger.ZERO));
        assertThat(view.getServiceAddressByName("fine-tuning-v1.0")).isEqualTo(Address.ZERO);
        assertThat(view.getAllVersions("fine-tuning")).isEmpty();
        assertThat(view.isRecommendedVersion("inference", "v9.9")).isFalse();
        assertThat(revertOf(() -> view.getRecommendedService("fine-tuning")))
                .isEqualTo(error("NoRecommendedService", "serviceType", "fine-tuning"));
    }

    @Test
    void shouldExposeTheMainnetConstantsOwnerAndInitialisation() {
        LedgerManagerContract view = actors.ledgerView();

        assertThat(view.minAccountBalance()).isEqualTo(Units.og(3));
        assertThat(view.minTransferAmount()).isEqualTo(Units.og(1));
        assertThat(view.maxProvidersPerBatch()).isEqualTo(BigInteger.valueOf(20));
        assertThat(view.maxProvidersPerUserPerService()).isEqualTo(BigInteger.valueOf(50));
        assertThat(view.maxServices()).isEqualTo(BigInteger.valueOf(500));
        assertThat(view.maxAdditionalInfoLength()).isEqualTo(BigInteger.valueOf(4096));
        assertThat(view.owner()).isEqualTo(actors.owner.address());
        assertThat(view.initialized()).isTrue();
    }

    // ---- owner operations ----

    @Test
    void shouldRevertWithAlreadyInitializedOnASecondInitialize() {
        assertThat(revertOf(() -> actors.ownerLedger().initialize(actors.owner.address())))
                .isEqualTo(error("AlreadyInitialized"));
        assertThat(revertOf(() -> actors.stranger().ledger().initialize(Secp256k1Key.random().address())))
                .isEqualTo(error("AlreadyInitialized"));
    }

    @Test
    void shouldRefuseOwnerOperationsFromAStranger() {
        LedgerManagerContract stranger = actors.stranger().ledger();

        assertThat(revertOf(() -> stranger.registerService("inference", "v2.0",
                actors.deployment.inferenceImplementation(), ""))).isEqualTo(ownableError());
        assertThat(revertOf(() -> stranger.setRecommendedService("inference", "v1.0"))).isEqualTo(ownableError());
        assertThat(revertOf(() -> stranger.transferOwnership(Secp256k1Key.random().address())))
                .isEqualTo(ownableError());
        assertThat(revertOf(stranger::renounceOwnership)).isEqualTo(ownableError());
    }

    @Test
    void shouldRefuseInvalidServiceRegistrations() {
        LedgerManagerContract owner = actors.ownerLedger();
        Address inference = actors.deployment.inference();
        // an IServing contract that is not registered: the implementation behind the proxy
        Address unregistered = actors.deployment.inferenceImplementation();
        Address eoa = Secp256k1Key.random().address();

        assertThat(revertOf(() -> owner.registerService("inference", "v2.0", Address.ZERO, "")))
                .isEqualTo(error("InvalidServiceAddress", "serviceAddress", Address.ZERO));
        assertThat(revertOf(() -> owner.registerService("", "v2.0", unregistered, "")))
                .isEqualTo(error("ServiceTypeRequired"));
        assertThat(revertOf(() -> owner.registerService("inference", "", unregistered, "")))
                .isEqualTo(error("VersionRequired"));
        assertThat(revertOf(() -> owner.registerService("other", "v1.0", inference, "")))
                .isEqualTo(error("ServiceAlreadyRegistered", "serviceAddress", inference));
        assertThat(revertOf(() -> owner.registerService("inference", "v1.0", unregistered, "")))
                .isEqualTo(error("ServiceNameExists", "serviceName", "inference-v1.0"));
        assertThat(revertOf(() -> owner.registerService("inference", "v2.0", eoa, "")))
                .isEqualTo(error("ServiceMustImplementIServing", "serviceAddress", eoa));
        assertThat(revertOf(() -> owner.registerService("inference", "v2.0", actors.deployment.ledger(), "")))
                .isEqualTo(error("ServiceMustImplementIServing", "serviceAddress", actors.deployment.ledger()));
        assertThat(revertOf(() -> owner.setRecommendedService("inference", "v9.9")))
                .isEqualTo(error("ServiceNotFound", "serviceAddress", Address.ZERO));
    }

    @Test
    void shouldRegisterASecondVersionAndMoveTheRecommendation() {
        Actors own = Actors.ownDeployment();
        LedgerManagerContract owner = own.ownerLedger();
        Address v1 = own.deployment.inference();
        Address v2 = own.deployment.inferenceImplementation();

        TxReceipt registered = owner.registerService("inference", "v2.0", v2, "next version");

        assertThat(owner.events(registered)).containsExactly(new LedgerEvent.ServiceRegistered(v2, "inference-v2.0"));
        ServiceInfo info = owner.getServiceInfo(v2);
        assertThat(info.fullName()).isEqualTo("inference-v2.0");
        assertThat(info.description()).isEqualTo("next version");
        assertThat(info.recommended()).isFalse();
        assertThat(owner.getServiceAddressByName("inference-v2.0")).isEqualTo(v2);
        assertThat(owner.getAllActiveServices()).extracting(ServiceInfo::serviceAddress).containsExactly(v1, v2);
        assertThat(owner.getAllVersions("inference")).containsExactly(
                new ServiceVersion("v1.0", v1, true), new ServiceVersion("v2.0", v2, false));

        TxReceipt recommended = owner.setRecommendedService("inference", "v2.0");

        assertThat(owner.events(recommended))
                .containsExactly(new LedgerEvent.RecommendedServiceUpdated("inference", "v2.0", v2));
        assertThat(owner.getRecommendedService("inference")).isEqualTo(new RecommendedService("v2.0", v2));
        assertThat(owner.isRecommendedVersion("inference", "v2.0")).isTrue();
        assertThat(owner.isRecommendedVersion("inference", "v1.0")).isFalse();
        assertThat(owner.getAllVersions("inference")).containsExactly(
                new ServiceVersion("v1.0", v1, false), new ServiceVersion("v2.0", v2, true));
    }

    @Test
    void shouldTransferAndRenounceOwnership() {
        Actors own = Actors.ownDeployment();
        Secp256k1Key newOwner = own.chain.fundedKey(Units.og(1));

        TxReceipt transferred = own.ownerLedger().transferOwnership(newOwner.address());

        assertThat(own.ledgerView().owner()).isEqualTo(newOwner.address());
        assertThat(own.ledgerView().events(transferred))
                .containsExactly(new LedgerEvent.OwnershipTransferred(own.owner.address(), newOwner.address()));
        assertThat(revertOf(() -> own.ownerLedger().setRecommendedService("inference", "v1.0")))
                .isEqualTo(ownableError());

        own.ledger(newOwner).renounceOwnership();

        assertThat(own.ledgerView().owner()).isEqualTo(Address.ZERO);
        assertThat(revertOf(() -> own.ledger(newOwner).setRecommendedService("inference", "v1.0")))
                .isEqualTo(ownableError());
    }
}
