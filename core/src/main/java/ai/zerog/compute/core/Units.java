package ai.zerog.compute.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * 0G ↔ neuron conversion (1 0G = 10^18 neuron, the chain's wei). Money stays a {@link BigInteger}
 * of neuron everywhere; these methods are the only place decimal 0G text is read or written.
 */
public final class Units {

    public static final int DECIMALS = 18;
    public static final BigInteger NEURON_PER_OG = BigInteger.TEN.pow(DECIMALS);

    // Digits, optionally a dot and more digits; no sign, exponent, spaces or bare dots.
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private Units() {}

    /** Exact parse of a non-negative decimal 0G amount such as {@code "0.01"}; more than 18 decimals is refused, never rounded. */
    public static BigInteger toNeuron(String og) {
        if (og == null || !DECIMAL.matcher(og).matches()) {
            throw new CoreException("invalid 0G amount '" + og + "': expected a non-negative decimal such as 1 or 0.5");
        }
        BigDecimal value = new BigDecimal(og);
        if (value.scale() > DECIMALS) {
            throw new CoreException("invalid 0G amount '" + og + "': at most 18 decimal places (1 neuron = 1e-18 0G)");
        }
        return value.movePointRight(DECIMALS).toBigIntegerExact();
    }

    /** Whole 0G in neuron. */
    public static BigInteger og(long whole) {
        if (whole < 0) {
            throw new CoreException("invalid 0G amount " + whole + ": must not be negative");
        }
        return BigInteger.valueOf(whole).multiply(NEURON_PER_OG);
    }

    /** Neuron as a plain decimal 0G string without trailing zeros: {@code "3"}, {@code "0.01"}. */
    public static String formatOg(BigInteger neuron) {
        return new BigDecimal(neuron, DECIMALS).stripTrailingZeros().toPlainString();
    }
}
