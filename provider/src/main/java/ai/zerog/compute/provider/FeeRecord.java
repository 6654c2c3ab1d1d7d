package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * The fee of one answered request (PROTOCOL.md §7.2), as the broker records it before the answer
 * is final. {@code requestHash} identifies the request: recording it twice is a no-op.
 */
public record FeeRecord(String requestHash, Address user, BigInteger inputFee, BigInteger outputFee, Instant createdAt) {

    public FeeRecord {
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(createdAt, "createdAt");
        if (requestHash.isBlank()) {
            throw new ProviderException("fee record needs a request hash");
        }
        requireNonNegative(inputFee, "inputFee", requestHash);
        requireNonNegative(outputFee, "outputFee", requestHash);
    }

    /** {@code inputFee + outputFee}, the amount charged. */
    public BigInteger fee() {
        return inputFee.add(outputFee);
    }

    private static void requireNonNegative(BigInteger value, String name, String requestHash) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new ProviderException(name + " of request " + requestHash + " must not be negative, got " + value);
        }
    }
}
