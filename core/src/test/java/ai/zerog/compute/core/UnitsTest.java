package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({
        "3, 3000000000000000000",
        "0.01, 10000000000000000",
        "0.000000000000000001, 1",
        "0, 0",
        "1.5, 1500000000000000000",
        "123456789.123456789123456789, 123456789123456789123456789",
    })
    void shouldParseAndFormatExactly(String og, String neuron) {
        assertThat(Units.toNeuron(og)).isEqualTo(new BigInteger(neuron));
        assertThat(Units.formatOg(new BigInteger(neuron))).isEqualTo(og);
    }

    @Test
    void shouldStripTrailingZerosWhenFormatting() {
        assertThat(Units.toNeuron("2.500")).isEqualTo(new BigInteger("2500000000000000000"));
        assertThat(Units.formatOg(Units.toNeuron("2.500"))).isEqualTo("2.5");
        assertThat(Units.formatOg(Units.toNeuron("10.0"))).isEqualTo("10");
        assertThat(Units.formatOg(Units.toNeuron("0.000"))).isEqualTo("0");
    }

    @Test
    void shouldConvertWholeOg() {
        assertThat(Units.og(3)).isEqualTo(new BigInteger("3000000000000000000"));
        assertThat(Units.NEURON_PER_OG).isEqualTo(BigInteger.TEN.pow(18));
        assertThatThrownBy(() -> Units.og(-1)).isInstanceOf(CoreException.class).hasMessageContaining("-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0.0000000000000000001", "-1", "-0.5", "1e18", "abc", "", ".5", "1.", "+1", " 1", "1,5", "0x10", "NaN",
    })
    void shouldRejectInvalidAmountsNamingTheValue(String og) {
        assertThatThrownBy(() -> Units.toNeuron(og)).isInstanceOf(CoreException.class).hasMessageContaining("'" + og + "'");
    }
}
