package ai.zerog.compute.chain;

import static ai.zerog.compute.chain.Actors.MIN_TRANSFER;
import static ai.zerog.compute.chain.Actors.SERVICE;
import static ai.zerog.compute.chain.Actors.STAKE;
import static ai.zerog.compute.chain.Actors.error;
import static ai.zerog.compute.chain.Actors.ownableError;
import static ai.zerog.compute.chain.Actors.revertOf;
import static ai.zerog.compute.chain.Actors.serviceParams;
import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.Actors.Provider;
import ai.zerog.compute.chain.Actors.User;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** InferenceServing services, accounts and owner functions as PROTOCOL.md §1.2 and §1.5 describe them. */
class InferenceServingBehaviourTest {
    private static final byte[] ERC165_ID = {0x01, (byte) 0xff, (byte) 0xc9, (byte) 0xa7};
    private static final byte[] ISERVING_ID = {0x16, 0x08, 0x41, (byte) 0xb1};
    private static final byte[] INVALID_ID = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    private final Actors actors = Actors.shared();

    // ---- addOrUpdateService ----

    @Test
    void shouldRegisterAServiceWithA100OGStakeAndAnUnacknowledgedTeeSigner() {
        User provider = actors.stranger(STAKE);
        Address tee = Secp256k1Key.random().address();
        ServiceParams params = serviceParams(tee);
        BigInteger walletBefore = actors.balanceOf(provider.address());

        TxReceipt receipt = provider.inference().addOrUpdateService(params, STAKE);

        BigInteger now = actors.latestTimestamp();
        assertThat(provider.inference().getService(provider.address())).isEqualTo(new Service(provider.address(),
                "chatbot", params.url(), params.inputPrice(), params.outputPrice(), now, params.model(),
                params.verifiability(), params.additionalInfo(), tee, false));
        assertThat(provider.inference().events(receipt)).containsExactlyInAnyOrder(
                new InferenceEvent.ProviderStaked(provider.address(), STAKE),
                new InferenceEvent.ServiceUpdated(provider.address(), "chatbot", params.url(), params.inputPrice(),
                        params.outputPrice(), now, params.model(), params.verifiability()));
        assertThat(actors.balanceOf(provider.address())).isEqualTo(walletBefore.subtract(STAKE).subtract(receipt.fee()));
        assertThat(provider.inference().serviceExists(provider.address())).isTrue();
    }

    @Test
    void shouldRevertWithInsufficientStakeWhenTheFirstRegistrationStakesLessThan100OG() {
        User provider = actors.stranger(STAKE);
        BigInteger justBelow = STAKE.subtract(BigInteger.ONE);
        ServiceParams params = serviceParams(Secp256k1Key.random().address());

        assertThat(revertOf(() -> provider.inference().addOrUpdateService(params, justBelow)))
                .isEqualTo(error("InsufficientStake", "provided", justBelow, "required", STAKE));
        assertThat(revertOf(() -> provider.inference().addOrUpdateService(params, BigInteger.ZERO)))
                .isEqualTo(error("InsufficientStake", "provided", BigInteger.ZERO, "required", STAKE));
    }

    @Test
    void shouldRevertWithCannotAddStakeWhenUpdatingWhenAnUpdateCarriesValue() {
        Provider provider = actors.unacknowledgedProvider();

        assertThat(revertOf(() -> provider.inference().addOrUpdateService(serviceParams(provider.tee().address()),
                BigInteger.ONE))).isEqualTo(error("CannotAddStakeWhenUpdating"));
    }

    @Test
    void shouldRevertWithAdditionalInfoTooLongBeyond4096Bytes() {
        User provider = actors.stranger(STAKE);
        Address tee = Secp256k1Key.random().address();

        assertThat(revertOf(() -> provider.inference().addOrUpdateService(withInfo(serviceParams(tee), "x".repeat(4097)),
                STAKE))).isEqualTo(error("AdditionalInfoTooLong"));
        provider.inference().addOrUpdateService(withInfo(serviceParams(tee), "x".repeat(4096)), STAKE);
        assertThat(provider.inference().getService(provider.address()).additionalInfo()).hasSize(4096);
    }

    @Test
    void shouldKeepTheTeeAcknowledgementWhenOnlyUrlAndPricesChange() {
        Provider provider = actors.provider();
        ServiceParams params = serviceParams(provider.tee().address());
        ServiceParams moved = new ServiceParams(params.serviceType(), "https://elsewhere.example", params.model(),
                params.verifiability(), BigInteger.valueOf(7), BigInteger.valueOf(9), params.additionalInfo(),
                params.teeSignerAddress());

        TxReceipt receipt = provider.inference().addOrUpdateService(moved, BigInteger.ZERO);

        Service service = provider.inference().getService(provider.address());
        assertThat(service.teeSignerAcknowledged()).isTrue();
        assertThat(service.url()).isEqualTo("https://elsewhere.example");
        assertThat(service.inputPrice()).isEqualTo(BigInteger.valueOf(7));
        assertThat(service.outputPrice()).isEqualTo(BigInteger.valueOf(9));
        assertThat(service.updatedAt()).isEqualTo(actors.latestTimestamp());
        assertThat(provider.inference().events(receipt)).containsExactly(new InferenceEvent.ServiceUpdated(
                provider.address(), "chatbot", "https://elsewhere.example", BigInteger.valueOf(7),
                BigInteger.valueOf(9), service.updatedAt(), params.model(), params.verifiability()));
    }

    static Stream<Arguments> changesThatResetTheAcknowledgement() {
        Address otherTee = Secp256k1Key.random().address();
        return Stream.of(
                change("model", p -> new ServiceParams(p.serviceType(), p.url(), "other-model", p.verifiability(),
                        p.inputPrice(), p.outputPrice(), p.additionalInfo(), p.teeSignerAddress())),
                change("verifiability", p -> new ServiceParams(p.serviceType(), p.url(), p.model(), "",
                        p.inputPrice(), p.outputPrice(), p.additionalInfo(), p.teeSignerAddress())),
                change("teeSignerAddress", p -> new ServiceParams(p.serviceType(), p.url(), p.model(),
                        p.verifiability(), p.inputPrice(), p.outputPrice(), p.additionalInfo(), otherTee)),
                change("additionalInfo", p -> withInfo(p, "{\"TargetSeparated\":true}")),
                change("serviceType", p -> new ServiceParams("text-to-image", p.url(), p.model(), p.verifiability(),
                        p.inputPrice(), p.outputPrice(), p.additionalInfo(), p.teeSignerAddress())));
    }

    @ParameterizedTest(name = "changing {0}")
    @MethodSource("changesThatResetTheAcknowledgement")
    void shouldResetTheTeeAcknowledgementWhenAnIdentityFieldChanges(UnaryOperator<ServiceParams> change) {
        Provider provider = actors.provider();
        ServiceParams changed = change.apply(serviceParams(provider.tee().address()));

        provider.inference().addOrUpdateService(changed, BigInteger.ZERO);

        Service service = provider.inference().getService(provider.address());
        assertThat(service.teeSignerAcknowledged()).isFalse();
        assertThat(service.serviceType()).isEqualTo(changed.serviceType());
        assertThat(service.model()).isEqualTo(changed.model());
        assertThat(service.verifiability()).isEqualTo(changed.verifiability());
        assertThat(service.additionalInfo()).isEqualTo(changed.additionalInfo());
        assertThat(service.teeSignerAddress()).isEqualTo(changed.teeSignerAddress());
    }

    // ---- owner acknowledgement ----

    @Test
    void shouldAcknowledgeAndRevokeATeeSignerByTheOwnerWithEvents() {
        Provider provider = actors.unacknowledgedProvider();
        Address tee = provider.tee().address();

        TxReceipt acknowledged = actors.ownerInference().acknowledgeTEESignerByOwner(provider.address());

        assertThat(actors.inferenceView().getService(provider.address()).teeSignerAcknowledged()).isTrue();
        assertThat(actors.inferenceView().events(acknowledged))
                .containsExactly(new InferenceEvent.ProviderTEESignerAcknowledged(provider.address(), tee, true));

        TxReceipt revoked = actors.ownerInference().revokeTEESignerAcknowledgement(provider.address());

        assertThat(actors.inferenceView().getService(provider.address()).teeSignerAcknowledged()).isFalse();
        assertThat(actors.inferenceView().events(revoked))
                .containsExactly(new InferenceEvent.ProviderTEESignerAcknowledged(provider.address(), tee, false));
    }

    @Test
    void shouldRefuseOwnerOperationsFromAStranger() {
        Provider provider = actors.unacknowledgedProvider();
        InferenceServingContract stranger = actors.stranger().inference();

        assertThat(revertOf(() -> stranger.acknowledgeTEESignerByOwner(provider.address()))).isEqualTo(ownableError());
        assertThat(revertOf(() -> stranger.revokeTEESignerAcknowledgement(provider.address())))
                .isEqualTo(ownableError());
        assertThat(revertOf(() -> stranger.updateLockTime(BigInteger.valueOf(7200)))).isEqualTo(ownableError());
        assertThat(revertOf(() -> stranger.transferOwnership(Secp256k1Key.random().address())))
                .isEqualTo(ownableError());
    }

    // ---- removeService ----

    @Test
    void shouldReturnTheStakeWhenAServiceIsRemoved() {
        Provider provider = actors.unacknowledgedProvider();
        Address p = provider.address();
        BigInteger walletBefore = actors.balanceOf(p);

        TxReceipt receipt = provider.inference().removeService();

        assertThat(actors.balanceOf(p)).isEqualTo(walletBefore.add(STAKE).subtract(receipt.fee()));
        assertThat(provider.inference().events(receipt)).containsExactly(
                new InferenceEvent.ProviderStakeReturned(p, STAKE), new InferenceEvent.ServiceRemoved(p));
        assertThat(provider.inference().serviceExists(p)).isFalse();
        assertThat(revertOf(() -> provider.inference().getService(p))).isEqualTo(error("ServiceNotExist", "provider", p));
        assertThat(revertOf(() -> provider.inference().removeService()))
                .isEqualTo(error("ServiceNotExist", "provider", p));
        assertThat(revertOf(() -> provider.inference().addOrUpdateService(serviceParams(provider.tee().address()),
                BigInteger.ZERO))).isEqualTo(error("InsufficientStake", "provided", BigInteger.ZERO, "required", STAKE));
        assertThat(allServices(actors.inferenceView())).extracting(Service::provider).doesNotContain(p);
    }

    // ---- service views ----

    @Test
    void shouldPageServicesFiftyAtATimeAndRefuseLargerPages() {
        List<Provider> crowd = Actors.crowdOfProviders();
        InferenceServingContract view = actors.inferenceView();
        long total = view.getAllServices(0, 1).total().longValueExact();

        Page<Service> defaultPage = view.getAllServices(0, 0);
        List<Service> everything = allServices(view);

        assertThat(total).isGreaterThanOrEqualTo(51);
        assertThat(defaultPage.items()).hasSize(50);
        assertThat(defaultPage.total()).isEqualTo(BigInteger.valueOf(total));
        assertThat(everything).hasSize((int) total);
        assertThat(everything).extracting(Service::provider)
                .containsAll(crowd.stream().map(Provider::address).toList());
        assertThat(view.getAllServices(total, 10).items()).isEmpty();
        assertThat(revertOf(() -> view.getAllServices(0, 51))).isEqualTo(error("LimitTooLarge", "limit", 51, "max", 50));
    }

    // ---- account views ----

    @Test
    void shouldPageAccountsFiftyAtATimeAndRefuseLargerPages() {
        Provider provider = actors.unacknowledgedProvider();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            users.add(actors.userWithAccount(provider, Units.og(3), MIN_TRANSFER));
        }
        User user = users.get(0);
        InferenceServingContract view = actors.inferenceView();

        Page<Account> firstPage = view.getAccountsByProvider(provider.address(), 0, 0);
        Page<Account> secondPage = view.getAccountsByProvider(provider.address(), 50, 0);

        assertThat(firstPage.items()).hasSize(50);
        assertThat(firstPage.total()).isEqualTo(BigInteger.valueOf(51));
        assertThat(secondPage.items()).hasSize(1);
        assertThat(Stream.concat(firstPage.items().stream(), secondPage.items().stream()).map(Account::user))
                .containsExactlyInAnyOrderElementsOf(users.stream().map(User::address).toList());
        assertThat(view.getAllAccounts(0, 0).items()).hasSize(50);
        assertThat(view.getAllAccounts(0, 0).total()).isGreaterThanOrEqualTo(BigInteger.valueOf(51));
        assertThat(view.getAccountsByUser(user.address(), 0, 0).items()).extracting(Account::provider)
                .containsExactly(provider.address());
        assertThat(revertOf(() -> view.getAllAccounts(0, 51))).isEqualTo(error("LimitTooLarge", "limit", 51, "max", 50));
        assertThat(revertOf(() -> view.getAccountsByProvider(provider.address(), 0, 51)))
                .isEqualTo(error("LimitTooLarge", "limit", 51, "max", 50));
        assertThat(revertOf(() -> view.getAccountsByUser(user.address(), 0, 51)))
                .isEqualTo(error("LimitTooLarge", "limit", 51, "max", 50));
    }

    @Test
    void shouldAnswerBatchAccountLookupsWithZeroStructsForMissingUsers() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(5), Units.og(2));
        Address missing = Secp256k1Key.random().address();
        InferenceServingContract view = actors.inferenceView();

        List<Account> accounts = view.getBatchAccountsByUsers(provider.address(), List.of(user.address(), missing));

        assertThat(accounts).hasSize(2);
        assertThat(accounts.get(0)).isEqualTo(view.getAccount(user.address(), provider.address()));
        assertThat(accounts.get(1)).isEqualTo(new Account(Address.ZERO, Address.ZERO, BigInteger.ZERO, BigInteger.ZERO,
                BigInteger.ZERO, List.of(), "", false, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO));
        List<Address> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(Secp256k1Key.random().address());
        }
        assertThat(revertOf(() -> view.getBatchAccountsByUsers(provider.address(), tooMany)))
                .isEqualTo(error("BatchSizeTooLarge", "size", 501, "max", 500));
    }

    @Test
    void shouldReportAccountExistenceAndPendingRefund() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(5), Units.og(2));
        Address missing = Secp256k1Key.random().address();
        InferenceServingContract view = actors.inferenceView();

        assertThat(view.accountExists(user.address(), provider.address())).isTrue();
        assertThat(view.getPendingRefund(user.address(), provider.address())).isZero();
        user.ledger().retrieveFund(List.of(provider.address()), SERVICE);
        assertThat(view.getPendingRefund(user.address(), provider.address())).isEqualTo(Units.og(2));

        assertThat(view.accountExists(missing, provider.address())).isFalse();
        assertThat(revertOf(() -> view.getPendingRefund(missing, provider.address())))
                .isEqualTo(error("AccountNotExists", "user", missing, "provider", provider.address()));
        assertThat(revertOf(() -> view.getAccount(missing, provider.address())))
                .isEqualTo(error("AccountNotExists", "user", missing, "provider", provider.address()));
    }

    @Test
    void shouldDescribeANewSubAccount() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(5), Units.og(2));

        assertThat(actors.inferenceView().getAccount(user.address(), provider.address())).isEqualTo(new Account(
                user.address(), provider.address(), BigInteger.ZERO, Units.og(2), BigInteger.ZERO, List.of(), "", true,
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO));
    }

    // ---- user acknowledgement ----

    @Test
    void shouldRevertWithCannotRevokeWithNonZeroBalanceWhenAUserWithdrawsAcknowledgementWithMoneyInside() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(5), Units.og(2));

        assertThat(revertOf(() -> user.inference().acknowledgeTEESigner(provider.address(), false))).isEqualTo(error(
                "CannotRevokeWithNonZeroBalance", "user", user.address(), "provider", provider.address(), "balance",
                Units.og(2)));
        user.inference().acknowledgeTEESigner(provider.address(), true);
        assertThat(user.inference().getAccount(user.address(), provider.address()).acknowledged()).isTrue();
    }

    @Test
    void shouldLetAUserWithdrawAndGiveAcknowledgementOnAnEmptyAccount() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(5), Units.og(2));
        provider.inference().settleFeesWithTEE(List.of(actors.settlement(provider, user.address(), Units.og(2), 1)));

        TxReceipt withdrawn = user.inference().acknowledgeTEESigner(provider.address(), false);

        assertThat(user.inference().getAccount(user.address(), provider.address()).acknowledged()).isFalse();
        assertThat(user.inference().events(withdrawn)).isEmpty();

        user.inference().acknowledgeTEESigner(provider.address(), true);

        assertThat(user.inference().getAccount(user.address(), provider.address()).acknowledged()).isTrue();
    }

    @Test
    void shouldAcknowledgeAgainWhenTheLedgerTopsUpAnUnacknowledgedAccount() {
        Provider provider = actors.provider();
        User user = actors.userWithAccount(provider, Units.og(5), Units.og(2));
        provider.inference().settleFeesWithTEE(List.of(actors.settlement(provider, user.address(), Units.og(2), 1)));
        user.inference().acknowledgeTEESigner(provider.address(), false);

        user.ledger().transferFund(provider.address(), SERVICE, BigInteger.ONE);

        Account account = user.inference().getAccount(user.address(), provider.address());
        assertThat(account.acknowledged()).isTrue();
        assertThat(account.balance()).isEqualTo(BigInteger.ONE);
    }

    @Test
    void shouldRevertWithAccountNotExistsWhenAcknowledgingWithoutAnAccount() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.stranger();

        assertThat(revertOf(() -> user.inference().acknowledgeTEESigner(provider.address(), true)))
                .isEqualTo(error("AccountNotExists", "user", user.address(), "provider", provider.address()));
    }

    // ---- ledger-only functions ----

    @Test
    void shouldRevertWithCallerNotLedgerWhenAnyoneButTheLedgerMovesAccountMoney() {
        Provider provider = actors.unacknowledgedProvider();
        User user = actors.userWithAccount(provider, Units.og(5), Units.og(2));
        User stranger = actors.stranger();
        InferenceServingContract inference = stranger.inference();
        Address u = user.address();
        Address p = provider.address();
        RevertReason notLedger = error("CallerNotLedger", "caller", stranger.address());

        assertThat(revertOf(() -> inference.addAccount(stranger.address(), p, "", BigInteger.ZERO))).isEqualTo(notLedger);
        assertThat(revertOf(() -> inference.depositFund(u, p, BigInteger.ZERO, BigInteger.ZERO))).isEqualTo(notLedger);
        assertThat(revertOf(() -> inference.requestRefundAll(u, p))).isEqualTo(notLedger);
        assertThat(revertOf(() -> inference.processRefund(u, p))).isEqualTo(notLedger);
        assertThat(revertOf(() -> inference.deleteAccount(u, p))).isEqualTo(notLedger);
        // not even the user or the owner
        assertThat(revertOf(() -> user.inference().deleteAccount(u, p)))
                .isEqualTo(error("CallerNotLedger", "caller", u));
        assertThat(revertOf(() -> actors.ownerInference().deleteAccount(u, p)))
                .isEqualTo(error("CallerNotLedger", "caller", actors.owner.address()));
    }

    // ---- owner configuration ----

    @Test
    void shouldUpdateTheLockTimeWithinOneHourAndSevenDays() {
        Actors own = Actors.ownDeployment();
        InferenceServingContract owner = own.ownerInference();

        assertThat(revertOf(() -> owner.updateLockTime(BigInteger.valueOf(3599))))
                .isEqualTo(error("LockTimeOutOfRange", "lockTime", 3599, "min", 3600, "max", 604800));
        assertThat(revertOf(() -> owner.updateLockTime(BigInteger.valueOf(604801))))
                .isEqualTo(error("LockTimeOutOfRange", "lockTime", 604801, "min", 3600, "max", 604800));

        TxReceipt longest = owner.updateLockTime(BigInteger.valueOf(604800));

        assertThat(owner.lockTime()).isEqualTo(BigInteger.valueOf(604800));
        assertThat(owner.events(longest)).containsExactly(
                new InferenceEvent.LockTimeUpdated(BigInteger.valueOf(3600), BigInteger.valueOf(604800)));

        TxReceipt shortest = owner.updateLockTime(BigInteger.valueOf(3600));

        assertThat(owner.lockTime()).isEqualTo(BigInteger.valueOf(3600));
        assertThat(owner.events(shortest)).containsExactly(
                new InferenceEvent.LockTimeUpdated(BigInteger.valueOf(604800), BigInteger.valueOf(3600)));
    }

    @Test
    void shouldRevertWithDirectDepositsDisabledOnAPlainTransfer() {
        User user = actors.stranger(Units.og(1));

        assertThat(revertOf(() -> actors.chain.sender(user.key()).transfer(actors.deployment.inference(), Units.og(1))))
                .isEqualTo(error("DirectDepositsDisabled"));
    }

    @Test
    void shouldSupportErc165AndIServingOnly() {
        InferenceServingContract view = actors.inferenceView();

        assertThat(view.supportsInterface(ERC165_ID)).isTrue();
        assertThat(view.supportsInterface(ISERVING_ID)).isTrue();
        assertThat(view.supportsInterface(INVALID_ID)).isFalse();
    }

    @Test
    void shouldExposeConstantsLockTimeLedgerOwnerAndInitialisation() {
        InferenceServingContract view = actors.inferenceView();

        assertThat(view.minLockTime()).isEqualTo(BigInteger.valueOf(3600));
        assertThat(view.maxLockTime()).isEqualTo(BigInteger.valueOf(604800));
        assertThat(view.minProviderStake()).isEqualTo(Units.og(100));
        assertThat(view.lockTime()).isEqualTo(BigInteger.valueOf(TestChain.LOCK_TIME.toSeconds()));
        assertThat(view.ledgerAddress()).isEqualTo(actors.deployment.ledger());
        assertThat(view.owner()).isEqualTo(actors.owner.address());
        assertThat(view.initialized()).isTrue();
        assertThat(revertOf(() -> actors.ownerInference().initialize(BigInteger.valueOf(3600),
                actors.deployment.ledger(), actors.owner.address()))).isEqualTo(error("AlreadyInitialized"));
    }

    private static List<Service> allServices(InferenceServingContract view) {
        List<Service> all = new ArrayList<>();
        Page<Service> page;
        do {
            page = view.getAllServices(all.size(), 50);
            all.addAll(page.items());
        } while (!page.items().isEmpty() && all.size() < page.total().intValueExact());
        return all;
    }

    private static ServiceParams withInfo(ServiceParams p, String additionalInfo) {
        return new ServiceParams(p.serviceType(), p.url(), p.model(), p.verifiability(), p.inputPrice(),
                p.outputPrice(), additionalInfo, p.teeSignerAddress());
    }

    private static Arguments change(String field, UnaryOperator<ServiceParams> change) {
        return Arguments.of(Named.of(field, change));
    }
}
