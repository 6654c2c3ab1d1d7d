package ai.zerog.compute.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.AnvilOptions;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TransactionSenderTest {
    private final TestChain chain = TestChain.get();

    @Test
    void shouldNeverReuseANonceWithEightConcurrentSendersOfOneKey() throws Exception {
        Secp256k1Key key = chain.fundedKey(Units.og(100));
        Address sink = Secp256k1Key.random().address();
        int senders = 8;
        int perSender = 5;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<List<TxReceipt>>> futures = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            // each thread has its own sender object, as independent components in one JVM would
            TransactionSender sender = TransactionSender.create(chain.rpc, key);
            futures.add(pool.submit(() -> {
                List<TxReceipt> receipts = new ArrayList<>();
                for (int i = 0; i < perSender; i++) {
                    receipts.add(sender.transfer(sink, BigInteger.ONE));
                }
                return receipts;
            }));
        }
        List<TxReceipt> all = new ArrayList<>();
        for (Future<List<TxReceipt>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();

        assertThat(all).hasSize(senders * perSender);
        assertThat(all.stream().map(TxReceipt::transactionHash).distinct()).hasSize(senders * perSender);
        assertThat(chain.rpc.transactionCount(key.address(), false)).isEqualTo(senders * perSender);
        assertThat(chain.rpc.balanceOf(sink)).isEqualTo(BigInteger.valueOf(senders * perSender));
    }

    @Test
    void shouldSendEip1559TransactionsWhenTheChainHasABaseFee() {
        TxReceipt receipt = chain.sender(chain.fundedKey(Units.og(1))).transfer(Secp256k1Key.random().address(), BigInteger.TEN);

        assertThat(receipt.transactionType()).isEqualTo(TxReceipt.DYNAMIC_FEE);
        assertThat(receipt.gasUsed()).isEqualTo(BigInteger.valueOf(21_000));
    }

    @Test
    void shouldSendLegacyTransactionsWhenTheChainHasNoBaseFee() {
        try (AnvilNode berlin = AnvilNode.start(AnvilOptions.builder().extraArgs(List.of("--hardfork", "berlin")).build());
             EvmRpc rpc = EvmRpc.connect(berlin.rpcUrl())) {
            Secp256k1Key key = Secp256k1Key.random();
            berlin.setBalance(key.address().hex(), Units.og(1));

            TxReceipt receipt = TransactionSender.create(rpc, key).transfer(Secp256k1Key.random().address(), BigInteger.TEN);

            assertThat(rpc.latestBlock().baseFeePerGas()).isEmpty();
            assertThat(receipt.transactionType()).isEqualTo(TxReceipt.LEGACY);
        }
    }

    @Test
    void shouldDecodeARevertIntoItsCustomErrorBeforeUsingANonce() {
        Secp256k1Key key = chain.fundedKey(Units.og(100));
        LedgerManagerContract ledger = chain.ledger(key);
        ledger.addLedger("", Units.og(3));

        assertThatThrownBy(() -> ledger.transferFund(Secp256k1Key.random().address(),
                NetworkProfile.INFERENCE_SERVICE_NAME, Units.og(50)))
                .isInstanceOfSatisfying(ContractRevertException.class, e -> {
                    assertThat(e.errorName()).isEqualTo("InsufficientAvailableBalance");
                    assertThat(e.arguments()).containsEntry("available", Units.og(3))
                            .containsEntry("required", Units.og(50));
                    assertThat(e.reason()).hasToString(
                            "InsufficientAvailableBalance(available=3000000000000000000, required=50000000000000000000)");
                    assertThat(e.getMessage()).startsWith("LedgerManager.transferFund reverted: ");
                });
        assertThat(chain.rpc.transactionCount(key.address(), true)).isEqualTo(1);
    }

    @Test
    void shouldReportAnRpcErrorAsSuchAndResyncTheNonceAfterAFailedBroadcast() {
        Secp256k1Key broke = Secp256k1Key.random();
        Address sink = Secp256k1Key.random().address();

        assertThatThrownBy(() -> chain.sender(broke).transfer(sink, Units.og(1)))
                .isInstanceOf(RpcException.class)
                .isNotInstanceOf(ContractRevertException.class)
                .hasMessageContainingAll("eth_sendRawTransaction", "nsufficient funds");

        chain.node.setBalance(broke.address().hex(), Units.og(2));
        chain.sender(broke).transfer(sink, Units.og(1));
        assertThat(chain.rpc.transactionCount(broke.address(), false)).isEqualTo(1);
        assertThat(chain.rpc.balanceOf(sink)).isEqualTo(Units.og(1));
    }

    @Test
    void shouldReportAnUnreachableNodeClearly() {
        try (EvmRpc nowhere = EvmRpc.connect(java.net.URI.create("http://127.0.0.1:1"))) {
            assertThatThrownBy(nowhere::chainId)
                    .isInstanceOf(RpcException.class)
                    .hasMessageContaining("cannot reach the node at http://127.0.0.1:1");
        }
    }

    @Test
    void shouldGiveUpWaitingForAReceiptAfterTheTimeoutWithBackoff() {
        try (AnvilNode paused = AnvilNode.start(AnvilOptions.builder().extraArgs(List.of("--no-mining")).build());
             EvmRpc rpc = EvmRpc.connect(paused.rpcUrl())) {
            Secp256k1Key key = Secp256k1Key.random();
            paused.setBalance(key.address().hex(), Units.og(1));
            FakeTime time = new FakeTime();
            TxOptions options = TxOptions.defaults().withReceiptTimeout(Duration.ofSeconds(3)).withTime(time.clock(), time);

            assertThatThrownBy(() -> TransactionSender.create(rpc, key, options)
                    .transfer(Secp256k1Key.random().address(), BigInteger.ONE))
                    .isInstanceOf(TransactionTimeoutException.class)
                    .hasMessageContaining("after 3 s");
            assertThat(time.sleeps).startsWith(Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
                    Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofSeconds(1));
            assertThat(time.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        }
    }

    /** A clock that only moves when the sender sleeps. */
    private static final class FakeTime implements Sleeper {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            now = now.plus(duration);
        }

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
        }
    }
}
