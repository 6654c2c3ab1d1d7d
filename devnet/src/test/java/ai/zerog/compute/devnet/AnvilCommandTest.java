package ai.zerog.compute.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnvilCommandTest {

    private static final Path BINARY = Path.of("/tools/anvil");

    @Test
    void shouldPassTheDefaultsExplicitly() {
        assertThat(AnvilCommand.of(BINARY, AnvilOptions.defaults())).containsExactly(
                "/tools/anvil", "--host", "127.0.0.1", "--port", "0", "--chain-id", "31337",
                "--accounts", "10", "--balance", "10000", "--mnemonic", AnvilOptions.DEFAULT_MNEMONIC);
    }

    @Test
    void shouldAddBlockTimeStateFileAndExtraArgsLast() {
        AnvilOptions options = AnvilOptions.builder()
                .blockTime(Duration.ofMillis(1500))
                .stateFile(Path.of("/data/devnet/state.json"))
                .extraArgs(List.of("--gas-limit", "60000000"))
                .build();

        assertThat(AnvilCommand.of(BINARY, options)).endsWith(
                "--block-time", "1.5", "--state", "/data/devnet/state.json", "--gas-limit", "60000000");
    }

    @Test
    void shouldWriteWholeSecondBlockTimesWithoutDecimals() {
        AnvilOptions options = AnvilOptions.builder().blockTime(Duration.ofSeconds(2)).build();

        assertThat(AnvilCommand.of(BINARY, options)).containsSequence("--block-time", "2");
    }
}
