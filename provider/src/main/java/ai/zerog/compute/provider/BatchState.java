package ai.zerog.compute.provider;

/**
 * Where a settlement batch (one signed item for one user) stands. {@link #SIGNED} is written before
 * the item is sent and {@link #SENT} once its transaction hash is known; both are open and get
 * resolved against the chain after a crash. {@link #SETTLED} rows are paid (fully or partly);
 * {@link #FAILED} gave its rows back to be settled again.
 */
public enum BatchState {
    SIGNED,
    SENT,
    SETTLED,
    FAILED;

    public boolean isOpen() {
        return this == SIGNED || this == SENT;
    }
}
