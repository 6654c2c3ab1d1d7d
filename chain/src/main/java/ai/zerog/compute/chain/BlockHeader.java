package ai.zerog.compute.chain;

import java.math.BigInteger;
import java.util.Optional;

/** The parts of a block header the chain layer needs: EIP-1559 support shows as a base fee. */
public record BlockHeader(long number, long timestamp, Optional<BigInteger> baseFeePerGas) {
}
