package ai.zerog.compute.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnvilOptionsTest {

    @Test
    void shouldDefaultToAFreePortChain31337AndAutomine() {
        AnvilOptions options = AnvilOptions.defaults();

        assertThat(options.port()).isZero();
        assertThat(options.chainId()).isEqualTo(31337);
        assertThat(options.blockTime()).isEmpty();
        assertThat(options.stateFile()).isEmpty();
        assertThat(options.accounts()).isEqualTo(10);
        assertThat(options.balance()).isEqualTo(10_000);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.logFile()).isEmpty();
    }

    @Test
    void shouldRoundTripThroughToBuilder() {
        AnvilOptions options = AnvilOptions.builder().port(9545).stateFile(Path.of("s.json"))
                .blockTime(Duration.ofSeconds(1)).logFile(Path.of("a.log")).build();

        assertThat(options.toBuilder().build()).isEqualTo(options);
    }

    @Test
    void shouldRejectBadValuesNamingTheField() {
        assertThatThrownBy(() -> AnvilOptions.builder().port(70000).build()).hasMessageContaining("port");
        assertThatThrownBy(() -> AnvilOptions.builder().chainId(0).build()).hasMessageContaining("chainId");
        assertThatThrownBy(() -> AnvilOptions.builder().accounts(0).build()).hasMessageContaining("accounts");
        assertThatThrownBy(() -> AnvilOptions.builder().balance(-1).build()).hasMessageContaining("balance");
        assertThatThrownBy(() -> AnvilOptions.builder().blockTime(Duration.ZERO).build()).hasMessageContaining("blockTime");
        assertThatThrownBy(() -> AnvilOptions.builder().startupTimeout(Duration.ZERO).build())
                .hasMessageContaining("startupTimeout");
    }

    @Test
    void shouldNotRevealACustomMnemonic() {
        String mnemonic = "legal winner thank year wave sausage worth useful legal winner thank yellow";

        assertThat(AnvilOptions.builder().mnemonic(mnemonic).build().toString())
                .doesNotContain("legal").contains("mnemonic=<custom>");
    }
}
