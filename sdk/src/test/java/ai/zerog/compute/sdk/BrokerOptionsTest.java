package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.TxListener;
import ai.zerog.compute.chain.TxReceipt;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.LedgerTestNetwork.Contracts;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BrokerOptionsTest {
    private final LedgerTestNetwork net = LedgerTestNetwork.of(Contracts.OURS);

    @Test
    void shouldSendEveryTransactionAtTheFixedGasPriceAndTellTheListenerTheHashFirst() {
        BigInteger price = net.rpc.latestBlock().baseFeePerGas().orElseThrow().multiply(BigInteger.valueOf(3))
                .add(BigInteger.TEN.pow(9));
        List<String> heard = new CopyOnWriteArrayList<>();
        List<TxReceipt> receipts = new CopyOnWriteArrayList<>();
        TxListener listener = new TxListener() {
            @Override
            public void onSent(String action, Hash32 txHash, BigInteger gasPrice) {
                heard.add("sent " + txHash + " at " + gasPrice);
            }

            @Override
            public void onConfirmed(String action, TxReceipt receipt) {
                heard.add("confirmed " + receipt.transactionHash());
                receipts.add(receipt);
            }
        };
        BrokerOptions options = BrokerOptions.defaults().withGasPrice(price).withTxListener(listener);

        try (ZgComputeBroker broker = ZgComputeBroker.create(net.fundedKey(Units.og(10)), net.profile, options)) {
            broker.ledger().addLedger(Units.og(3));
            broker.ledger().depositFund(Units.og(1));
        }

        assertThat(receipts).hasSize(2).allSatisfy(receipt -> {
            assertThat(receipt.effectiveGasPrice()).isEqualTo(price);
            assertThat(receipt.transactionType()).isEqualTo(TxReceipt.LEGACY);
        });
        assertThat(heard).containsExactly(
                "sent " + receipts.get(0).transactionHash() + " at " + price, "confirmed " + receipts.get(0).transactionHash(),
                "sent " + receipts.get(1).transactionHash() + " at " + price, "confirmed " + receipts.get(1).transactionHash());
    }

    @Test
    void shouldCombineAFixedPriceWithBumpsInEitherOrder() {
        BigInteger gwei = BigInteger.TEN.pow(9);
        BrokerOptions priceFirst = BrokerOptions.defaults().withGasPrice(gwei).withGasBumps(gwei.multiply(BigInteger.TWO), 12);
        BrokerOptions bumpsFirst = BrokerOptions.defaults().withGasBumps(gwei.multiply(BigInteger.TWO), 12).withGasPrice(gwei);

        assertThat(priceFirst.gasPricing()).isEqualTo(bumpsFirst.gasPricing());
        assertThat(priceFirst.gasPricing().fixedPrice()).contains(gwei);
        assertThat(priceFirst.gasPricing().maxPrice()).contains(gwei.multiply(BigInteger.TWO));
        assertThat(priceFirst.gasPricing().stepTenths()).isEqualTo(12);
    }

    @Test
    void shouldRefuseImpossibleGasRulesAsInvalidInput() {
        BigInteger gwei = BigInteger.TEN.pow(9);

        assertThatThrownBy(() -> BrokerOptions.defaults().withGasBumps(gwei, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("[11, 1000]");
        assertThatThrownBy(() -> BrokerOptions.defaults().withGasBumps(gwei, 11).withGasPrice(gwei.add(gwei)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("above the maximum gas price");
        assertThatThrownBy(() -> BrokerOptions.defaults().withGasPrice(BigInteger.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be positive");
    }

    @Test
    void shouldLetOnlyTheContractOwnerAcknowledgeAndRevokeATeeSigner() {
        var provider = net.registeredProvider();
        Secp256k1Key stranger = net.fundedKey(Units.og(1));

        try (ZgComputeBroker broker = net.broker(stranger)) {
            assertThatThrownBy(() -> broker.inferenceOwner().acknowledgeTeeSigner(provider))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("only the owner " + broker.inferenceOwner().owner().checksummed())
                    .hasMessageContaining("this wallet is " + stranger.address().checksummed());
            assertThat(broker.inferenceOwner().owner()).isNotEqualTo(stranger.address());
        }
        assertThat(net.rpc.transactionCount(stranger.address(), true)).isZero();
        assertThat(net.inferenceView().getService(provider).teeSignerAcknowledged()).isFalse();
    }

    @Test
    void shouldAcknowledgeAndRevokeAsTheOwner() {
        OwnedDeployment owned = OwnedDeployment.fresh();
        var provider = owned.registeredProvider();

        try (ZgComputeBroker owner = ZgComputeBroker.create(owned.owner(), owned.profile())) {
            owner.inferenceOwner().acknowledgeTeeSigner(provider);
            assertThat(owned.service(provider).teeSignerAcknowledged()).isTrue();

            owner.inferenceOwner().revokeTeeSigner(provider);
            assertThat(owned.service(provider).teeSignerAcknowledged()).isFalse();

            var nobody = Secp256k1Key.random().address();
            assertThatThrownBy(() -> owner.inferenceOwner().acknowledgeTeeSigner(nobody))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("has no service on the InferenceServing contract");
        }
    }
}
