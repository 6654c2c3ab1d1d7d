package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.Units;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Parsing and checking of what callers pass in: addresses and 0G amounts. Every refusal is an
 * {@link InvalidInputException} that quotes the input, so nothing is sent on bad input.
 */
public final class Inputs {
    private Inputs() {}

    /** {@code 0x} + 40 hex digits; mixed case must carry a valid EIP-55 checksum. */
    public static Address parseAddress(String text) {
        if (text == null) {
            throw new InvalidInputException("missing address: pass 0x followed by 40 hex digits");
        }
        try {
            return Address.of(text.strip());
        } catch (CoreException e) {
            throw new InvalidInputException(e.getMessage() + "; pass 0x followed by 40 hex digits, e.g. as shown by"
                    + " `0g-compute-cli list-providers`", e);
        }
    }

    /** A positive 0G amount with at most 18 decimals, in neuron; {@code what} names it in messages. */
    public static BigInteger positiveNeuron(String what, BigDecimal og) {
        if (og == null) {
            throw new InvalidInputException(what + ": missing amount; pass a positive 0G amount such as 1 or 0.5");
        }
        BigDecimal exact = og.stripTrailingZeros();
        if (exact.scale() > Units.DECIMALS) {
            throw new InvalidInputException(what + ": " + og.toPlainString() + " 0G has more than 18 decimal places"
                    + " (1 neuron = 0.000000000000000001 0G); round it to 18 decimals");
        }
        return positiveNeuron(what, exact.movePointRight(Units.DECIMALS).toBigIntegerExact());
    }

    /** A positive neuron amount; {@code what} names it in messages. */
    public static BigInteger positiveNeuron(String what, BigInteger neuron) {
        if (neuron == null) {
            throw new InvalidInputException(what + ": missing amount; pass a positive amount of neuron");
        }
        if (neuron.signum() <= 0) {
            throw new InvalidInputException(what + ": the amount must be greater than 0 0G, got "
                    + (neuron.signum() < 0 ? "-" + Units.formatOg(neuron.negate()) : "0") + " 0G");
        }
        return neuron;
    }
}
