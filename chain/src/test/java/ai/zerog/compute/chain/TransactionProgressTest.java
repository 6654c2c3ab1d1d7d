package ai.zerog.compute.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.AnvilOptions;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/** The listener hears each transaction before its receipt; fixed prices and underpriced retries on anvil. */
class TransactionProgressTest {
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    private final TestChain chain = TestChain.get();

    /** Records what it hears as short lines; optionally mines on each sent transaction (for --no-mining nodes). */
    private static final class Recorder implements TxListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Hash32> hashes = new CopyOnWriteArrayList<>();
        private final Runnable onSent;

        Recorder(Runnable onSent) {
            this.onSent = onSent;
        }

        @Override
        public void onSent(String action, Hash32 txHash, BigInteger gasPrice) {
            events.add("sent " + gasPrice);
            hashes.add(txHash);
            onSent.run();
        }

        @Override
        public void onRetry(String action, String nodeError, BigInteger nextGasPrice) {
            events.add("retry " + nextGasPrice + " after " + nodeError);
        }

        @Override
        public void onConfirmed(String action, TxReceipt receipt) {
            events.add("confirmed " + receipt.transactionHash());
        }
    }

    @Test
    void shouldTellTheHashBeforeTheReceiptAndThenTheConfirmation() {
        Recorder recorder = new Recorder(() -> { });
        TransactionSender sender = TransactionSender.create(chain.rpc, chain.fundedKey(Units.og(1)),
                TxOptions.defaults().withListener(recorder));

        TxReceipt receipt = sender.transfer(Secp256k1Key.random().address(), BigInteger.TEN);

        assertThat(recorder.hashes).containsExactly(receipt.transactionHash());
        assertThat(recorder.events).hasSize(2);
        assertThat(recorder.events.get(0)).startsWith("sent ");
        assertThat(new BigInteger(recorder.events.get(0).substring(5))).isPositive();
        assertThat(recorder.events.get(1)).isEqualTo("confirmed " + receipt.transactionHash());
    }

    @Test
    void shouldSendAFixedGasPriceAsALegacyTransactionPayingExactlyThatPrice() {
        BigInteger price = chain.rpc.latestBlock().baseFeePerGas().orElseThrow().multiply(BigInteger.valueOf(3)).add(GWEI);
        Recorder recorder = new Recorder(() -> { });
        TransactionSender sender = TransactionSender.create(chain.rpc, chain.fundedKey(Units.og(1)),
                TxOptions.defaults().withGasPricing(GasPricing.fixed(price)).withListener(recorder));

        TxReceipt receipt = sender.transfer(Secp256k1Key.random().address(), BigInteger.TEN);

        assertThat(receipt.transactionType()).isEqualTo(TxReceipt.LEGACY);
        assertThat(receipt.effectiveGasPrice()).isEqualTo(price);
        assertThat(recorder.events.get(0)).isEqualTo("sent " + price);
    }

    @Test
    void shouldNotRetryRefusalsThatAreNotAboutTheGasPrice() {
        Secp256k1Key broke = Secp256k1Key.random();
        Recorder recorder = new Recorder(() -> { });
        TransactionSender sender = TransactionSender.create(chain.rpc, broke, TxOptions.defaults()
                .withGasPricing(GasPricing.fixed(GWEI).withBumpsUpTo(GWEI.multiply(BigInteger.TEN), 20))
                .withListener(recorder));

        assertThatThrownBy(() -> sender.transfer(Secp256k1Key.random().address(), Units.og(1)))
                .isInstanceOf(RpcException.class).hasMessageContaining("nsufficient funds");
        assertThat(recorder.events).isEmpty();
    }

    @Test
    void shouldRetryAReplacementRefusedAsUnderpricedAtTheBumpedPrice() {
        try (AnvilNode node = AnvilNode.start(AnvilOptions.builder().extraArgs(List.of("--no-mining")).build());
             EvmRpc rpc = EvmRpc.connect(node.rpcUrl())) {
            Secp256k1Key key = Secp256k1Key.random();
            node.setBalance(key.address().hex(), Units.og(1));
            Recorder recorder = new Recorder(node::mine);
            TransactionSender sender = TransactionSender.create(rpc, key, TxOptions.defaults()
                    .withGasPricing(GasPricing.fixed(GWEI.multiply(BigInteger.TWO)).withBumpsUpTo(GWEI.multiply(BigInteger.TEN), 20))
                    .withListener(recorder));
            Address sink = Secp256k1Key.random().address();
            sender.transfer(sink, BigInteger.ONE); // the sender now expects nonce 1 next

            // another program sends nonce 1 at 3 gwei; it waits in the pool
            RawTransaction competing = RawTransaction.createEtherTransaction(BigInteger.ONE,
                    GWEI.multiply(BigInteger.valueOf(3)), BigInteger.valueOf(21_000), sink.hex(), BigInteger.TWO);
            rpc.sendRawTransaction(Hex.encode(TransactionEncoder.signMessage(competing, rpc.chainId(),
                    Credentials.create(ECKeyPair.create(key.privateKey())))));
            recorder.events.clear();

            TxReceipt receipt = sender.transfer(sink, BigInteger.ONE);

            BigInteger bumped = GWEI.multiply(BigInteger.valueOf(4));
            assertThat(recorder.events).hasSize(3);
            assertThat(recorder.events.get(0)).startsWith("retry " + bumped + " after ")
                    .contains("replacement transaction underpriced");
            assertThat(recorder.events.get(1)).isEqualTo("sent " + bumped);
            assertThat(receipt.effectiveGasPrice()).isEqualTo(bumped);
            assertThat(rpc.balanceOf(sink)).isEqualTo(BigInteger.valueOf(4));
        }
    }
}
