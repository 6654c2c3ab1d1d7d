package ai.zerog.compute.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnvilStateTest {

    private static final String ACCOUNT = "0x2222222222222222222222222222222222222222";

    @Test
    void shouldComeBackWithItsBalancesAfterAStopWhenUsingAStateFile(@TempDir Path dir) {
        AnvilOptions options = AnvilOptions.builder()
                .stateFile(dir.resolve("devnet/state.json"))
                .logFile(dir.resolve("anvil.log"))
                .build();
        BigInteger balance = new BigInteger("4200000000000000000");

        try (AnvilNode node = AnvilNode.start(options)) {
            node.setBalance(ACCOUNT, balance);
        }
        assertThat(dir.resolve("devnet/state.json")).isNotEmptyFile();

        try (AnvilNode restarted = AnvilNode.start(options)) {
            assertThat(restarted.balance(ACCOUNT)).isEqualTo(balance);
        }
        assertThat(dir.resolve("anvil.log")).content().contains("Listening on");
    }
}
