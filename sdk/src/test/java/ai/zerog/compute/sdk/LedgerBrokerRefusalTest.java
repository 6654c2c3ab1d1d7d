package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.LedgerTestNetwork.Contracts;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Wrong input and impossible requests end in a typed exception whose message says what to do,
 * and no transaction is sent (the wallet's nonce does not move).
 */
class LedgerBrokerRefusalTest {

    @Test
    void malformedAddressesAreRefusedByTheParseHelper() {
        assertThatThrownBy(() -> Inputs.parseAddress("0x1234")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("0x1234").hasMessageContaining("40 hex digits");
        assertThatThrownBy(() -> Inputs.parseAddress("not an address")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Inputs.parseAddress(null)).isInstanceOf(InvalidInputException.class);
        // one letter's case flipped: the EIP-55 checksum catches the typo
        assertThatThrownBy(() -> Inputs.parseAddress("0x70997970c51812dc3A010C7d01b50e0d17dc79C8"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("checksum");
        assertThat(Inputs.parseAddress(" 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 "))
                .isEqualTo(Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"));
    }

    @Test
    void amountsMustBePositiveWithAtMostEighteenDecimals() {
        assertThatThrownBy(() -> Inputs.positiveNeuron("depositFund", new BigDecimal("-1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("greater than 0").hasMessageContaining("-1 0G");
        assertThatThrownBy(() -> Inputs.positiveNeuron("depositFund", BigDecimal.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("greater than 0");
        assertThatThrownBy(() -> Inputs.positiveNeuron("depositFund", new BigDecimal("0.0000000000000000001")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("more than 18 decimal places");
        assertThatThrownBy(() -> Inputs.positiveNeuron("refund", BigInteger.valueOf(-5)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(Inputs.positiveNeuron("x", new BigDecimal("1.500000000000000000000"))).isEqualTo(Units.toNeuron("1.5"));
        assertThat(Inputs.positiveNeuron("x", new BigDecimal("0.000000000000000001"))).isEqualTo(BigInteger.ONE);
    }

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void withoutALedgerNothingIsSent(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        Address provider = net.registeredProvider();
        Secp256k1Key user = net.fundedKey(Units.og(10));
        try (ZgComputeBroker broker = net.broker(user)) {
            LedgerBroker ledger = broker.ledger();
            BigInteger minimum = ledger.minimumLedgerBalance();
            String min = Units.formatOg(minimum);
            BigInteger belowMinimum = minimum.subtract(BigInteger.ONE);

            assertThat(ledger.ledgerIfExists()).isEmpty();
            assertThatThrownBy(ledger::getLedger).isInstanceOf(LedgerNotFoundException.class)
                    .hasMessageContaining("0g-compute-cli add-account --amount 3")
                    .hasMessageContaining(user.address().checksummed());
            assertThatThrownBy(() -> ledger.addLedger(belowMinimum)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("a new ledger needs at least " + min + " 0G; you offered "
                            + Units.formatOg(belowMinimum) + " 0G");
            assertThatThrownBy(() -> ledger.depositFund(belowMinimum)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("needs at least " + min + " 0G");
            assertThatThrownBy(() -> ledger.depositFundFor(Address.ZERO, minimum))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("zero address");
            assertThatThrownBy(() -> ledger.depositFundFor(provider, belowMinimum))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(provider.checksummed());
            assertThatThrownBy(() -> ledger.depositFund(new BigDecimal("-3"))).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> ledger.depositFund(BigDecimal.ZERO)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> ledger.addLedger(new BigDecimal("3.0000000000000000001")))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> ledger.depositFund(Units.og(11)))
                    .isInstanceOfSatisfying(InsufficientWalletBalanceException.class, e -> {
                        assertThat(e.balance()).isEqualTo(Units.og(10));
                        assertThat(e.required()).isEqualTo(Units.og(11));
                    });
            assertThatThrownBy(() -> ledger.refund(BigDecimal.ONE)).isInstanceOf(LedgerNotFoundException.class);
            assertThatThrownBy(() -> ledger.transferFund(provider, BigDecimal.ONE))
                    .isInstanceOf(LedgerNotFoundException.class);
            assertThatThrownBy(ledger::retrieveFund).isInstanceOf(LedgerNotFoundException.class);
            assertThatThrownBy(ledger::deleteLedger).isInstanceOf(LedgerNotFoundException.class);

            assertThat(net.nonce(user.address())).isZero();
        }
    }

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void withALedgerImpossibleRequestsAreRefusedBeforeSending(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        Address provider = net.registeredProvider();
        Address stranger = Secp256k1Key.random().address();
        Secp256k1Key user = net.fundedKey(Units.og(100));
        try (ZgComputeBroker broker = net.broker(user)) {
            LedgerBroker ledger = broker.ledger();
            BigInteger minimum = ledger.minimumLedgerBalance();
            BigInteger available = minimum.add(Units.og(1));
            ledger.depositFund(available);
            long nonce = net.nonce(user.address());

            assertThatThrownBy(() -> ledger.addLedger(minimum)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("already exists").hasMessageContaining("deposit");
            assertThatThrownBy(() -> ledger.refund(available.add(BigInteger.ONE)))
                    .isInstanceOfSatisfying(InsufficientLedgerBalanceException.class, e -> {
                        assertThat(e.available()).isEqualTo(available);
                        assertThat(e.required()).isEqualTo(available.add(BigInteger.ONE));
                        assertThat(e.getMessage()).contains("retrieve-fund");
                    });
            assertThatThrownBy(() -> ledger.refund(available.subtract(minimum).add(BigInteger.ONE)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("keep 0 or at least " + Units.formatOg(minimum) + " 0G")
                    .hasMessageContaining("at most 1 0G");
            assertThatThrownBy(() -> ledger.transferFund(provider, available.add(BigInteger.ONE)))
                    .isInstanceOfSatisfying(InsufficientLedgerBalanceException.class, e -> {
                        assertThat(e.available()).isEqualTo(available);
                        assertThat(e.getMessage()).contains("0g-compute-cli deposit --amount 0.000000000000000001");
                    });
            BigInteger belowTransferMinimum = ledger.minimumTransferAmount().subtract(BigInteger.ONE);
            assertThatThrownBy(() -> ledger.transferFund(provider, belowTransferMinimum))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("needs at least " + Units.formatOg(ledger.minimumTransferAmount()) + " 0G");
            assertThatThrownBy(() -> ledger.transferFund(stranger, BigDecimal.ONE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no inference service");
            assertThatThrownBy(() -> ledger.transferFund(Address.ZERO, BigDecimal.ONE))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> ledger.transferFund(provider, new BigDecimal("-1")))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> ledger.retrieveFundFromProvider(provider))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no sub-account");

            assertThat(net.nonce(user.address())).isEqualTo(nonce);
            assertThat(ledger.getLedger().available()).isEqualTo(available);
        }
    }

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void aRevertSurfacesWithTheDecodedCustomError(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        Secp256k1Key user = net.fundedKey(Units.og(100));
        try (ZgComputeBroker broker = net.broker(user)) {
            BigInteger minimum = broker.ledger().minimumLedgerBalance();
            broker.ledger().depositFund(minimum);
            long nonce = net.nonce(user.address());

            assertThatThrownBy(broker.ledger()::deleteLedger)
                    .isInstanceOfSatisfying(TransactionRevertedException.class, e -> {
                        assertThat(e.errorName()).isEqualTo("MustWithdrawAllFundsFirst");
                        assertThat(e.arguments().values()).containsExactly(minimum);
                        assertThat(e.decodedText()).startsWith("MustWithdrawAllFundsFirst(").contains(minimum.toString());
                        assertThat(e.getMessage()).contains("refund").contains("retrieve-fund");
                    })
                    .isInstanceOf(SdkException.class);
            assertThat(net.nonce(user.address())).isEqualTo(nonce);
        }
    }
}
