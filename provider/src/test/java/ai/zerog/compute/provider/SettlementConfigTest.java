package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettlementConfigTest {

    @Test
    void defaultsFollowTheOfficialBroker() {
        SettlementConfig defaults = SettlementConfig.defaults();

        assertThat(defaults.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.maxPerTransaction()).isEqualTo(50);
    }

    @Test
    void refusesMoreItemsPerTransactionThanTheContractTakes() {
        assertThatThrownBy(() -> SettlementConfig.defaults().withMaxPerTransaction(51))
                .isInstanceOf(ProviderException.class)
                .hasMessage("settlement maxPerTransaction must be in [1, 50], got 51");
    }

    @Test
    void refusesANonPositiveInterval() {
        assertThatThrownBy(() -> SettlementConfig.defaults().withInterval(Duration.ZERO))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("interval must be positive");
    }

    @Test
    void refusesANegativeHeadroom() {
        assertThatThrownBy(() -> new SettlementConfig(Duration.ofMinutes(1), 10, BigInteger.valueOf(-1), 10))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("earlySettlementHeadroom");
    }
}
