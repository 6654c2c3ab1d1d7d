package ai.zerog.compute.core;

import java.math.BigInteger;

/** The fee of one request in neuron, split as the broker stores it per request row (PROTOCOL.md §7.2). */
public record Fee(BigInteger inputFee, BigInteger outputFee) {

    public static final Fee ZERO = new Fee(BigInteger.ZERO, BigInteger.ZERO);

    public Fee {
        AbiWords.checkUint256(inputFee, "inputFee");
        AbiWords.checkUint256(outputFee, "outputFee");
    }

    /** {@code inputFee + outputFee}: the row's {@code fee}. */
    public BigInteger total() {
        return inputFee.add(outputFee);
    }
}
