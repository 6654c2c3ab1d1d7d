package ai.zerog.compute.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AnvilNodeTest {

    @Test
    void shouldStartOnAFreePortAndAnswerChainId31337() {
        try (AnvilNode node = AnvilNode.start(AnvilOptions.defaults())) {
            assertThat(node.port()).isPositive();
            assertThat(node.rpcUrl().toString()).isEqualTo("http://127.0.0.1:" + node.port());
            assertThat(node.rpc("eth_chainId", "[]")).isEqualTo("\"0x7a69\"");
            assertThat(node.chainId()).isEqualTo(31337);
            assertThat(node.isAlive()).isTrue();
        }
    }

    @Test
    void shouldRunTwoNodesAtOnceOnDifferentPorts() {
        try (AnvilNode first = AnvilNode.start(AnvilOptions.defaults());
             AnvilNode second = AnvilNode.start(AnvilOptions.builder().chainId(1337).build())) {
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(first.rpc("eth_chainId", "[]")).isEqualTo("\"0x7a69\"");
            assertThat(second.rpc("eth_chainId", "[]")).isEqualTo("\"0x539\"");
        }
    }

    @Test
    void shouldFailClearlyWhenThePortIsInUse() {
        try (AnvilNode running = AnvilNode.start(AnvilOptions.defaults())) {
            AnvilOptions samePort = AnvilOptions.builder().port(running.port()).build();

            assertThatThrownBy(() -> AnvilNode.start(samePort))
                    .isInstanceOf(DevnetException.class)
                    .hasMessageContaining("127.0.0.1:" + running.port())
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("port 0 picks a free one");
            assertThat(running.isAlive()).isTrue();
        }
    }

    @Test
    void shouldLeaveNoProcessAliveAfterCloseAndAllowClosingTwice() {
        AnvilNode node = AnvilNode.start(AnvilOptions.defaults());
        long pid = node.pid();
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(handle -> assertThat(handle.isAlive()).isTrue());

        node.close();
        node.close();

        assertThat(node.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThatThrownBy(() -> node.rpc("eth_chainId", "[]")).isInstanceOf(DevnetException.class);
    }

    @Test
    void shouldMoveBlockTimestampForwardWithIncreaseTime() {
        try (AnvilNode node = AnvilNode.start(AnvilOptions.defaults())) {
            node.mine();
            Instant before = node.latestBlockTimestamp();

            node.increaseTime(Duration.ofDays(1));

            assertThat(node.latestBlockTimestamp()).isAfterOrEqualTo(before.plus(Duration.ofDays(1)));
            assertThat(node.blockNumber()).isEqualTo(2);
        }
    }

    @Test
    void shouldSetBalancesAndFundTheWellKnownAccounts() {
        try (AnvilNode node = AnvilNode.start(AnvilOptions.defaults())) {
            String someone = "0x1111111111111111111111111111111111111111";
            node.setBalance(someone, new BigInteger("123456789012345678901"));

            assertThat(node.balance(someone)).isEqualTo(new BigInteger("123456789012345678901"));
            assertThat(node.balance(AnvilNode.defaultAddresses().get(9)))
                    .isEqualTo(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(10_000)));
            assertThat(node.rpc("eth_accounts", "[]"))
                    .isEqualToIgnoringCase("[" + String.join(",", AnvilNode.defaultAddresses().stream()
                            .map(address -> "\"" + address.toLowerCase(Locale.ROOT) + "\"").toList()) + "]");
            assertThat(AnvilNode.defaultPrivateKeys()).hasSize(10).allMatch(key -> key.matches("0x[0-9a-f]{64}"));
        }
    }

    @Test
    void shouldSurfaceJsonRpcErrorsWithTheirMessage() {
        try (AnvilNode node = AnvilNode.start(AnvilOptions.defaults())) {
            assertThatThrownBy(() -> node.rpc("no_suchMethod", "[]"))
                    .isInstanceOf(DevnetException.class)
                    .hasMessageStartingWith("no_suchMethod failed: ")
                    .hasMessageContaining("JSON-RPC error");
        }
    }
}
