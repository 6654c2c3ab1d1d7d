package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.chain.ServiceParams;
import ai.zerog.compute.core.AdmissionRule;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.SessionToken;
import ai.zerog.compute.core.SignedSessionToken;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.LedgerTestNetwork.Contracts;
import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SDK's inference account operations (services, sub-account, acknowledgement, API keys) against
 * our contracts and the official bytecode alike; providers are registered directly on chain, so no
 * provider HTTP is involved.
 */
class InferenceAccountContractsTest {

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void listsAndReadsAServiceExactlyAsTheProviderRegisteredIt(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        Address tee = Secp256k1Key.random().address();
        ServiceParams params = new ServiceParams("chatbot", "http://127.0.0.1:9/" + tee.hex(), "model-" + tee.hex(),
                "TeeML", BigInteger.valueOf(1_234), BigInteger.valueOf(5_678), "{\"region\":\"test\"}", tee);
        Address provider = net.registeredProvider(params);
        try (ZgComputeBroker broker = net.broker(net.fundedKey(Units.og(1)))) {
            InferenceBroker inference = broker.inference();

            Service registered = inference.getService(provider);
            assertThat(registered.provider()).isEqualTo(provider);
            assertThat(registered.serviceType()).isEqualTo("chatbot");
            assertThat(registered.url()).isEqualTo(params.url());
            assertThat(registered.model()).isEqualTo(params.model());
            assertThat(registered.verifiability()).isEqualTo("TeeML");
            assertThat(registered.inputPrice()).isEqualTo(1_234);
            assertThat(registered.outputPrice()).isEqualTo(5_678);
            assertThat(registered.additionalInfo()).isEqualTo(params.additionalInfo());
            assertThat(registered.teeSignerAddress()).isEqualTo(tee);
            assertThat(registered.teeSignerAcknowledged()).isFalse();
            assertThat(registered.updatedAt()).isPositive();

            assertThat(inference.listServices()).extracting(Service::provider).doesNotContain(provider);
            assertThat(inference.listServices(true)).contains(registered);

            assertThat(inference.serviceMetadata(provider))
                    .isEqualTo(new ServiceMetadata(URI.create(params.url() + "/v1/proxy"), params.model()));
            assertThat(inference.serviceMetadata(provider, "another-model"))
                    .isEqualTo(new ServiceMetadata(URI.create(params.url() + "/v1/proxy"), "another-model"));

            net.acknowledgeTeeSignerByOwner(provider);

            assertThat(inference.getService(provider).teeSignerAcknowledged()).isTrue();
            assertThat(inference.listServices()).filteredOn(s -> s.provider().equals(provider)).singleElement()
                    .satisfies(s -> assertThat(s.teeSignerAcknowledged()).isTrue());
        }
    }

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void listServicesReadsEveryPage(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        while (net.inferenceView().getAllServices(0, 1).total().intValueExact() <= ServiceDirectory.PAGE_SIZE) {
            net.registeredProvider();
        }
        Address last = net.registeredProvider();
        try (ZgComputeBroker broker = net.broker(net.fundedKey(Units.og(1)))) {
            List<Service> all = broker.inference().listServices(true);

            BigInteger total = net.inferenceView().getAllServices(0, 1).total();
            assertThat(all).hasSize(total.intValueExact()).hasSizeGreaterThan(ServiceDirectory.PAGE_SIZE);
            assertThat(all).extracting(Service::provider).doesNotHaveDuplicates().contains(last);
            assertThat(broker.inference().listServices())
                    .allSatisfy(s -> assertThat(s.teeSignerAcknowledged()).isTrue());
        }
    }

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void accountShowsTheSubAccountALedgerTransferCreated(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        Address provider = net.registeredProvider();
        Secp256k1Key user = net.fundedKey(Units.og(100));
        try (ZgComputeBroker broker = net.broker(user)) {
            InferenceBroker inference = broker.inference();
            broker.ledger().depositFund(Units.og(10));
            assertThat(inference.account(provider)).isEmpty();

            broker.ledger().transferFund(provider, Units.og(2));
            broker.ledger().transferFund(provider, Units.og(1));

            Account account = inference.account(provider).orElseThrow();
            assertThat(account.user()).isEqualTo(user.address());
            assertThat(account.provider()).isEqualTo(provider);
            assertThat(account.balance()).isEqualTo(Units.og(3));
            assertThat(account.usableBalance()).isEqualTo(Units.og(3));
            assertThat(account.pendingRefund()).isZero();
            assertThat(account.activeRefunds()).isEmpty();
            assertThat(account.acknowledged()).isTrue();
            assertThat(account.nonce()).isZero();
            assertThat(account.generation()).isZero();
            assertThat(account.revokedBitmap()).isZero();
            assertThat(account).isEqualTo(net.inferenceView().getAccount(user.address(), provider));
        }
    }

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void acknowledgeAndRevokeAreVisibleOnChain(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        Address provider = net.registeredProvider();
        Secp256k1Key user = net.fundedKey(Units.og(100));
        try (ZgComputeBroker broker = net.broker(user)) {
            InferenceBroker inference = broker.inference();
            broker.ledger().depositFund(Units.og(10));
            BigInteger opening = AdmissionRule.MIN_LOCKED_BALANCE.max(broker.ledger().minimumTransferAmount());

            inference.acknowledgeProvider(provider);

            Account acknowledged = inference.account(provider).orElseThrow();
            assertThat(acknowledged.acknowledged()).isTrue();
            assertThat(acknowledged.balance()).isEqualTo(opening);
            assertThat(broker.ledger().getLedger().available()).isEqualTo(Units.og(10).subtract(opening));
            long nonce = net.nonce(user.address());
            inference.acknowledgeProvider(provider);
            assertThat(net.nonce(user.address())).as("already acknowledged: nothing sent").isEqualTo(nonce);

            assertThatThrownBy(() -> inference.revokeAcknowledgement(provider))
                    .isInstanceOfSatisfying(TransactionRevertedException.class,
                            e -> assertThat(e.errorName()).isEqualTo("CannotRevokeWithNonZeroBalance"))
                    .hasMessageContaining("retrieve the funds first");
            assertThat(inference.account(provider).orElseThrow().acknowledged()).isTrue();

            broker.ledger().retrieveFundFromProvider(provider);
            net.passLockTime();
            broker.ledger().retrieveFundFromProvider(provider);
            assertThat(inference.account(provider).orElseThrow().balance()).isZero();

            inference.revokeAcknowledgement(provider);

            assertThat(inference.account(provider).orElseThrow().acknowledged()).isFalse();
            assertThat(net.inferenceView().getAccount(user.address(), provider).acknowledged()).isFalse();

            inference.acknowledgeProvider(provider);

            Account again = net.inferenceView().getAccount(user.address(), provider);
            assertThat(again.acknowledged()).isTrue();
            assertThat(again.balance()).as("the account existed, so no money moved").isZero();
        }
    }

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void apiKeysAreMintedForTheOnChainGenerationAndRevokedOnChain(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        Address provider = net.registeredProvider();
        Secp256k1Key user = net.fundedKey(Units.og(100));
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        try (ZgComputeBroker broker = ZgComputeBroker.create(user, net.profile, Clock.fixed(now, ZoneOffset.UTC))) {
            InferenceBroker inference = broker.inference();
            broker.ledger().depositFund(Units.og(10));
            broker.ledger().transferFund(provider, Units.og(2));

            ApiKey daily = inference.createApiKey(provider, 7, Duration.ofDays(1));
            assertThat(daily.tokenId()).isEqualTo(7);
            assertThat(daily.expiresAt()).contains(now.plus(Duration.ofDays(1)));
            SignedSessionToken signed = SignedSessionToken.fromApiKey(daily.key());
            assertThat(signed.recoverSigner()).contains(user.address());
            SessionToken token = signed.token();
            assertThat(token.address()).isEqualTo(user.address().checksummed());
            assertThat(token.provider()).isEqualTo(provider.checksummed());
            assertThat(token.tokenId()).isEqualTo(7);
            assertThat(token.generation()).isZero();
            assertThat(token.timestamp()).isEqualTo(now.toEpochMilli());
            assertThat(token.expiresAt()).isEqualTo(daily.expiresAtMs());

            inference.revokeApiKey(provider, 7);

            assertThat(net.inferenceView().isTokenRevoked(user.address(), provider, 7)).isTrue();
            assertThat(net.inferenceView().isTokenRevoked(user.address(), provider, 0)).isFalse();
            Account revokedOne = inference.account(provider).orElseThrow();
            assertThat(revokedOne.revokedBitmap()).isEqualTo(BigInteger.ONE.shiftLeft(7));
            assertThat(revokedOne.generation()).isZero();
            assertThatThrownBy(() -> inference.createApiKey(provider, 7))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("revoked");
            assertThat(inference.createApiKey(provider).tokenId()).isZero();

            inference.revokeApiKey(provider, 0);
            assertThat(inference.createApiKey(provider).tokenId()).isEqualTo(1);

            inference.revokeAllApiKeys(provider);

            Account bumped = net.inferenceView().getAccount(user.address(), provider);
            assertThat(bumped.generation()).isOne();
            assertThat(bumped.revokedBitmap()).as("a new generation starts with nothing revoked").isZero();
            assertThat(net.inferenceView().isTokenRevoked(user.address(), provider, 7)).isFalse();
            ApiKey reissued = inference.createApiKey(provider, 7);
            assertThat(reissued.expiresAt()).isEmpty();
            assertThat(SignedSessionToken.fromApiKey(reissued.key()).token().generation()).isOne();
        }
    }

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void unknownProvidersGetTypedErrorsAndNoMoneyMoves(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        Address unknown = Secp256k1Key.random().address();
        Secp256k1Key user = net.fundedKey(Units.og(100));
        try (ZgComputeBroker broker = net.broker(user)) {
            InferenceBroker inference = broker.inference();
            broker.ledger().depositFund(Units.og(10));
            long nonce = net.nonce(user.address());

            assertThatThrownBy(() -> inference.getService(unknown))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no registered service")
                    .hasMessageContaining(unknown.checksummed());
            assertThatThrownBy(() -> inference.serviceMetadata(unknown))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no registered service");
            assertThatThrownBy(() -> inference.acknowledgeProvider(unknown))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no registered service");
            assertThat(inference.account(unknown)).isEmpty();
            assertThatThrownBy(() -> broker.ledger().transferFund(unknown, Units.og(1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no inference service");
            assertThat(net.nonce(user.address())).as("nothing sent").isEqualTo(nonce);
            assertThat(broker.ledger().getLedger().available()).isEqualTo(Units.og(10));

            assertThatThrownBy(() -> inference.revokeApiKey(unknown, 3))
                    .isInstanceOfSatisfying(TransactionRevertedException.class,
                            e -> assertThat(e.errorName()).isEqualTo("AccountNotExists"))
                    .hasMessageContaining("transfer funds to it first");
            assertThatThrownBy(() -> inference.revokeAllApiKeys(unknown))
                    .isInstanceOfSatisfying(TransactionRevertedException.class,
                            e -> assertThat(e.errorName()).isEqualTo("AccountNotExists"));
            assertThatThrownBy(() -> inference.revokeAcknowledgement(unknown))
                    .isInstanceOfSatisfying(TransactionRevertedException.class,
                            e -> assertThat(e.errorName()).isEqualTo("AccountNotExists"));
        }
    }
}
