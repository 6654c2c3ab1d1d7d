package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The receipt of a mined, successful transaction ({@code transactionType} 0 legacy, 2 EIP-1559).
 * Failed ones surface as exceptions.
 */
public record TxReceipt(Hash32 transactionHash, int transactionType, long blockNumber, BigInteger gasUsed,
                        BigInteger effectiveGasPrice, List<LogEntry> logs, Optional<Address> contractAddress) {
    public static final int LEGACY = 0;
    public static final int DYNAMIC_FEE = 2;

    public TxReceipt {
        logs = List.copyOf(logs);
    }

    /** What the sender paid for gas, in neuron. */
    public BigInteger fee() {
        return gasUsed.multiply(effectiveGasPrice);
    }
}
