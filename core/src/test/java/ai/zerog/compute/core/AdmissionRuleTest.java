package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AdmissionRuleTest {

    private static final Address PROVIDER = Address.of("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static final BigInteger CURRENT = Units.toNeuron("0.002");
    private static final BigInteger UNSETTLED = Units.toNeuron("0.25");

    @Test
    void shouldKeepOne0GInReserve() {
        assertThat(AdmissionRule.MIN_LOCKED_BALANCE).isEqualTo(new BigInteger("1000000000000000000"));
        assertThat(AdmissionRule.required(CURRENT, UNSETTLED)).isEqualTo(Units.toNeuron("1.252"));
    }

    @Test
    void shouldAdmitExactlyAtTheRequiredBalance() {
        BigInteger required = Units.toNeuron("1.252");

        assertThat(AdmissionRule.admits(required, CURRENT, UNSETTLED)).isTrue();
        assertThat(AdmissionRule.admits(required.subtract(BigInteger.ONE), CURRENT, UNSETTLED)).isFalse();
        assertThat(AdmissionRule.admits(Units.og(1), BigInteger.ZERO, BigInteger.ZERO)).isTrue();
        assertThat(AdmissionRule.admits(Units.og(1).subtract(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO)).isFalse();
    }

    @Test
    void shouldExplainShortfallAndHowToTopUp() {
        String message = AdmissionRule.insufficientBalanceMessage(Units.toNeuron("0.5"), CURRENT, UNSETTLED, PROVIDER);

        assertThat(message).isEqualTo("insufficient balance: your locked balance is 0.5 0G, but the required minimum is 1.252 0G"
                + " (breakdown: current request fee 0.002 0G + unsettled fees 0.25 0G + minimum locked balance 1 0G);"
                + " add at least 0.752 0G: top up with"
                + " `0g-compute-cli transfer-fund --provider 0x70997970c51812dc3a010c7d01b50e0d17dc79c8 --amount 0.752`");
        assertThat(ProviderError.fromResponse(400, ProviderError.INSUFFICIENT_BALANCE.json(
                        "0.5", "1.252", "0.002", "0.25", "1", "0.752", PROVIDER.hex(), "0.752")))
                .contains(ProviderError.INSUFFICIENT_BALANCE);
    }

    @Test
    void shouldRefuseToReportASufficientBalance() {
        assertThatThrownBy(() -> AdmissionRule.insufficientBalanceMessage(Units.og(2), CURRENT, UNSETTLED, PROVIDER))
                .isInstanceOf(CoreException.class);
        assertThatThrownBy(() -> AdmissionRule.admits(Units.og(2), BigInteger.valueOf(-1), UNSETTLED))
                .isInstanceOf(CoreException.class);
    }
}
