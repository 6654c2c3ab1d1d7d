package ai.zerog.compute.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GasPricingTest {
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    @Test
    void shouldBumpByTheStepInTenthsUpToTheMaximumAndThenStop() {
        GasPricing pricing = GasPricing.fixed(GWEI).withBumpsUpTo(new BigInteger("1500000000"), 11);

        List<BigInteger> prices = new ArrayList<>();
        Optional<BigInteger> next = Optional.of(GWEI);
        while (next.isPresent()) {
            prices.add(next.get());
            next = pricing.bumped(next.get());
        }

        assertThat(prices).containsExactly(GWEI, new BigInteger("1100000000"), new BigInteger("1210000000"),
                new BigInteger("1331000000"), new BigInteger("1464100000"), new BigInteger("1500000000"));
    }

    @Test
    void shouldRaiseTinyPricesByAtLeastOneNeuron() {
        GasPricing pricing = GasPricing.fromNode().withBumpsUpTo(BigInteger.valueOf(3), 11);

        assertThat(pricing.bumped(BigInteger.ONE)).contains(BigInteger.TWO);
        assertThat(pricing.bumped(BigInteger.TWO)).contains(BigInteger.valueOf(3));
        assertThat(pricing.bumped(BigInteger.valueOf(3))).isEmpty();
    }

    @Test
    void shouldNeverRetryWithoutAMaximum() {
        assertThat(GasPricing.fixed(GWEI).bumped(GWEI)).isEmpty();
        assertThat(GasPricing.fromNode().bumped(GWEI)).isEmpty();
    }

    @Test
    void shouldRecogniseTheUnderpricedErrorsOfTheOfficialList() {
        assertThat(GasPricing.isUnderpriced("eth_sendRawTransaction failed: replacement transaction underpriced"))
                .isTrue();
        assertThat(GasPricing.isUnderpriced("Transaction Underpriced")).isTrue();
        assertThat(GasPricing.isUnderpriced("max fee per gas: fee too low")).isTrue();
        assertThat(GasPricing.isUnderpriced("mempool is full")).isTrue();
        assertThat(GasPricing.isUnderpriced("insufficient funds for gas * price + value")).isFalse();
        assertThat(GasPricing.isUnderpriced("nonce too low")).isFalse();
    }

    @Test
    void shouldRefuseNonsense() {
        assertThatThrownBy(() -> GasPricing.fixed(BigInteger.ZERO)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> GasPricing.fromNode().withBumpsUpTo(GWEI, 10)).hasMessageContaining("[11, 1000]");
        assertThatThrownBy(() -> GasPricing.fixed(GWEI.add(GWEI)).withBumpsUpTo(GWEI, 11))
                .hasMessageContaining("above the maximum gas price");
    }
}
