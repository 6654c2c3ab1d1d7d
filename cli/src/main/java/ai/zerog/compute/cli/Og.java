package ai.zerog.compute.cli;

import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.Units;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * 0G amounts at the edges: typed amounts parsed exactly (no float rounding, unlike the official
 * CLI), balances shown with 18 decimals as the official tables show them ({@code 10.000000000000000000}).
 */
public final class Og {
    private Og() {
    }

    /** An amount a person typed, e.g. {@code 10} or {@code 0.5}; {@code option} names it in the error. */
    public static BigInteger parse(String text, String option) {
        try {
            return Units.toNeuron(text.strip());
        } catch (CoreException e) {
            throw new CliFailure("invalid " + option + " '" + text + "': expected an amount of 0G such as 10 or 0.5",
                    "Pass a non-negative decimal with at most 18 decimal places.");
        }
    }

    /** {@code neuron} as 0G with 18 decimals, as in the official tables. */
    public static String fixed(BigInteger neuron) {
        return new BigDecimal(neuron, Units.DECIMALS).toPlainString();
    }

    /** {@code neuron} as the shortest exact 0G text ({@code 3}, {@code 0.01}), for messages and JSON. */
    public static String plain(BigInteger neuron) {
        return Units.formatOg(neuron);
    }

    /** A price in the provider tables: {@code N/A} for zero, as the official CLI shows missing prices. */
    public static String price(BigInteger neuron) {
        return neuron.signum() == 0 ? "N/A" : plain(neuron);
    }
}
