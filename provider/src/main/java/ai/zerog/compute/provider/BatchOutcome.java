package ai.zerog.compute.provider;

import ai.zerog.compute.core.SettlementStatus;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * How an open batch ends. Settled (SUCCESS, or PARTIAL with the {@code shortfall} the user's
 * sub-account could not cover) marks its rows paid; failed gives them back to be settled again.
 * {@code status} is empty when the chain gave no per-item status (the whole transaction reverted,
 * or the item landed earlier and its result event could not be found).
 */
public record BatchOutcome(BatchState state, Optional<SettlementStatus> status, BigInteger shortfall, String detail) {

    public BatchOutcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(shortfall, "shortfall");
        Objects.requireNonNull(detail, "detail");
        if (state.isOpen()) {
            throw new ProviderException("an outcome must be SETTLED or FAILED, got " + state);
        }
        if (shortfall.signum() < 0) {
            throw new ProviderException("shortfall must not be negative, got " + shortfall);
        }
    }

    public static BatchOutcome settled(SettlementStatus status, BigInteger shortfall, String detail) {
        return new BatchOutcome(BatchState.SETTLED, Optional.of(status), shortfall, detail);
    }

    /** Landed on chain (the account nonce reached the batch nonce) but its result is unknown. */
    public static BatchOutcome landed(String detail) {
        return new BatchOutcome(BatchState.SETTLED, Optional.empty(), BigInteger.ZERO, detail);
    }

    public static BatchOutcome failed(SettlementStatus status, String detail) {
        return new BatchOutcome(BatchState.FAILED, Optional.of(status), BigInteger.ZERO, detail);
    }

    public static BatchOutcome failed(String detail) {
        return new BatchOutcome(BatchState.FAILED, Optional.empty(), BigInteger.ZERO, detail);
    }
}
