package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.CountingSigner;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.SignedSessionToken;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.core.WalletSigner;
import ai.zerog.compute.sdk.LedgerTestNetwork.Contracts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker driven by a wallet it does not hold the key of, and by an encrypted keystore. */
class ExternalSignerBrokerTest {
    private final LedgerTestNetwork net = LedgerTestNetwork.of(Contracts.OURS);

    @TempDir
    Path dir;

    @Test
    void shouldDepositAndAuthenticateThroughAnExternalSigner() {
        Secp256k1Key key = net.fundedKey(Units.og(100));
        CountingSigner wallet = new CountingSigner(key.address(), key);
        Address provider = net.registeredProvider();

        try (ZgComputeBroker broker = ZgComputeBroker.create(wallet, net.profile)) {
            broker.ledger().addLedger(Units.og(3));
            broker.ledger().depositFund(Units.og(2));
            broker.ledger().transferFund(provider, Units.og(1));

            assertThat(broker.address()).isEqualTo(key.address());
            assertThat(net.ledgerView().getLedger(key.address()).totalBalance()).isEqualTo(Units.og(5));
            assertThat(wallet.digests).as("one signature per transaction").hasValue(3);
            assertThat(net.nonce(key.address())).isEqualTo(3);

            String header = broker.inference().requestHeaders(provider).get("Authorization");
            assertThat(broker.inference().requestHeaders(provider).get("Authorization")).isEqualTo(header);
            assertThat(wallet.messages).as("one token signature, then the cache").hasValue(1);
            SignedSessionToken token = SignedSessionToken.fromAuthorizationHeader(header);
            assertThat(token.recoverSigner()).contains(key.address());
            assertThat(token.token().address()).isEqualTo(key.address().checksummed());
        }
    }

    @Test
    void shouldRefuseASessionSignatureByAnotherKey() {
        Secp256k1Key key = net.fundedKey(Units.og(100));
        Address provider = net.registeredProvider();
        try (ZgComputeBroker honest = net.broker(key)) {
            honest.ledger().addLedger(Units.og(3));
            honest.ledger().transferFund(provider, Units.og(1));
        }
        Secp256k1Key impostor = Secp256k1Key.random();

        try (ZgComputeBroker broker = ZgComputeBroker.create(new CountingSigner(key.address(), impostor), net.profile)) {
            assertThatThrownBy(() -> broker.inference().requestHeaders(provider))
                    .isInstanceOf(SdkException.class)
                    .hasMessageContainingAll("recovers to " + impostor.address().checksummed(), "personal_sign");
        }
    }

    @Test
    void shouldReportASignerThatRefusesATransactionAndSendNothing() {
        Secp256k1Key key = net.fundedKey(Units.og(100));
        WalletSigner refusing = new WalletSigner() {
            @Override
            public Address address() {
                return key.address();
            }

            @Override
            public Signature signDigest(Hash32 digest) {
                throw new IllegalStateException("user rejected the request");
            }
        };

        try (ZgComputeBroker broker = ZgComputeBroker.create(refusing, net.profile)) {
            assertThatThrownBy(() -> broker.ledger().addLedger(Units.og(3)))
                    .isInstanceOf(SdkException.class)
                    .hasMessageContainingAll("user rejected the request", "nothing was sent");
        }
        assertThat(net.nonce(key.address())).isZero();
    }

    @Test
    void shouldOpenAKeystoreAndDepositWithIt() {
        Secp256k1Key key = net.fundedKey(Units.og(100));
        Path file = dir.resolve("wallet.json");
        Keystore.write(key, "s3cret".toCharArray(), file, Keystore.Strength.LIGHT);

        try (ZgComputeBroker broker = ZgComputeBroker.fromKeystore(file, "s3cret".toCharArray(), net.profile)) {
            broker.ledger().addLedger(Units.og(3));

            assertThat(broker.address()).isEqualTo(key.address());
            assertThat(broker.ledger().getLedger().available()).isEqualTo(Units.og(3));
        }
    }

    @Test
    void shouldRefuseAKeystoreWithTheWrongPassword() {
        Path file = dir.resolve("wallet.json");
        Keystore.write(Secp256k1Key.random(), "s3cret".toCharArray(), file, Keystore.Strength.LIGHT);

        assertThatThrownBy(() -> ZgComputeBroker.fromKeystore(file, "guess".toCharArray(), net.profile))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("wrong password");
    }
}
