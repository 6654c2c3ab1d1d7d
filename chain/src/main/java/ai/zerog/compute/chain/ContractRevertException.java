package ai.zerog.compute.chain;

import java.util.Map;

/**
 * A contract call or transaction reverted. {@link #reason()} carries the decoded custom error,
 * e.g. {@code InsufficientAvailableBalance(available=0, required=1000000000000000000)}.
 */
public final class ContractRevertException extends ChainException {
    private final RevertReason reason;

    ContractRevertException(String action, RevertReason reason) {
        super(action + " reverted: " + reason);
        this.reason = reason;
    }

    public RevertReason reason() {
        return reason;
    }

    /** The custom error's name, e.g. {@code LedgerNotExists}. */
    public String errorName() {
        return reason.name();
    }

    /** The error's arguments by ABI parameter name, in declaration order. */
    public Map<String, Object> arguments() {
        return reason.arguments();
    }
}
