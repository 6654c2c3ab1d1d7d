package ai.zerog.compute.core;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Whether a provider serves a request given the user's locked balance (PROTOCOL.md §7.4):
 * {@code locked ≥ currentFee + unsettledFee + MIN_LOCKED_BALANCE}. All amounts in neuron.
 */
public final class AdmissionRule {

    /** 1 0G, the mainline broker's and SDK 0.9.0's reserve (§11.1 notes revisions with other values). */
    public static final BigInteger MIN_LOCKED_BALANCE = Units.og(1);

    private AdmissionRule() {}

    /** {@code currentFee + unsettledFee + MIN_LOCKED_BALANCE}: the least locked balance that is admitted. */
    public static BigInteger required(BigInteger currentFee, BigInteger unsettledFee) {
        return nonNegative(currentFee, "currentFee").add(nonNegative(unsettledFee, "unsettledFee")).add(MIN_LOCKED_BALANCE);
    }

    public static boolean admits(BigInteger lockedBalance, BigInteger currentFee, BigInteger unsettledFee) {
        return Objects.requireNonNull(lockedBalance, "lockedBalance").compareTo(required(currentFee, unsettledFee)) >= 0;
    }

    /**
     * The {@link ProviderError#INSUFFICIENT_BALANCE} text for a refused request: the amounts in 0G, the
     * breakdown of the requirement, how much is missing and the CLI command that adds it.
     *
     * @throws CoreException if the balance is in fact sufficient
     */
    public static String insufficientBalanceMessage(
            BigInteger lockedBalance, BigInteger currentFee, BigInteger unsettledFee, Address provider) {
        BigInteger required = required(currentFee, unsettledFee);
        BigInteger missing = required.subtract(Objects.requireNonNull(lockedBalance, "lockedBalance"));
        if (missing.signum() <= 0) {
            throw new CoreException("locked balance " + Units.formatOg(lockedBalance) + " 0G covers the required "
                    + Units.formatOg(required) + " 0G; there is no insufficient balance to report");
        }
        return ProviderError.INSUFFICIENT_BALANCE.message(
                og(lockedBalance), og(required), og(currentFee), og(unsettledFee), og(MIN_LOCKED_BALANCE),
                og(missing), provider.hex(), og(missing));
    }

    private static String og(BigInteger neuron) {
        return Units.formatOg(neuron);
    }

    private static BigInteger nonNegative(BigInteger value, String what) {
        if (Objects.requireNonNull(value, what).signum() < 0) {
            throw new CoreException(what + " must not be negative, got " + value);
        }
        return value;
    }
}
