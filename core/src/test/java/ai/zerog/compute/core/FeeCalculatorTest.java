package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FeeCalculatorTest {

    private static final BigInteger IN = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger OUT = new BigInteger("3000000000000000"); // 0.003 0G per unit
    private final FeeCalculator fees = FeeCalculator.of(new ServicePrices(IN, OUT));

    @Test
    void shouldBillChatTokensAtBasePrices() {
        Fee fee = fees.chat(new ChatUsage(1200, 345));

        assertThat(fee).isEqualTo(new Fee(BigInteger.valueOf(1_200_000_000_000L), new BigInteger("1035000000000000000")));
        assertThat(fee.total()).isEqualTo(new BigInteger("1035001200000000000"));
        assertThat(fees.chat(new ChatUsage(0, 0))).isEqualTo(Fee.ZERO);
    }

    @Test
    void shouldBillImagesOnOutputPrice() {
        assertThat(fees.images(3)).isEqualTo(new Fee(BigInteger.ZERO, new BigInteger("9000000000000000")));
        assertThat(fees.images(0)).isEqualTo(Fee.ZERO);
        assertThatThrownBy(() -> fees.images(-1)).isInstanceOf(CoreException.class);
    }

    @Test
    void shouldBillAudioSecondsRoundedWithAtLeastOne() {
        assertThat(fees.transcriptionSeconds(2.5).inputFee()).isEqualTo(IN.multiply(BigInteger.valueOf(3)));
        assertThat(fees.transcriptionSeconds(2.49).inputFee()).isEqualTo(IN.multiply(BigInteger.TWO));
        assertThat(fees.transcriptionSeconds(0.2).inputFee()).isEqualTo(IN);
        assertThat(fees.transcriptionSeconds(0).inputFee()).isEqualTo(IN);
        assertThat(fees.transcriptionSeconds(-4).inputFee()).isEqualTo(IN);
        assertThat(fees.transcriptionSeconds(61.7).outputFee()).isZero();
        assertThatThrownBy(() -> fees.transcriptionSeconds(Double.NaN)).isInstanceOf(CoreException.class);
        assertThatThrownBy(() -> fees.transcriptionSeconds(Double.POSITIVE_INFINITY)).isInstanceOf(CoreException.class);
    }

    @Test
    void shouldBillAudioTokensOnBothPrices() {
        assertThat(fees.transcriptionTokens(10, 2)).isEqualTo(new Fee(IN.multiply(BigInteger.TEN), OUT.multiply(BigInteger.TWO)));
        assertThatThrownBy(() -> fees.transcriptionTokens(-1, 0)).isInstanceOf(CoreException.class);
    }

    @Test
    void shouldRefuseNegativeValues() {
        assertThatThrownBy(() -> new ServicePrices(BigInteger.valueOf(-1), OUT)).isInstanceOf(CoreException.class);
        assertThatThrownBy(() -> new ChatUsage(-1, 0)).isInstanceOf(CoreException.class);
        assertThatThrownBy(() -> new Fee(BigInteger.ZERO, BigInteger.valueOf(-1))).isInstanceOf(CoreException.class);
    }
}
