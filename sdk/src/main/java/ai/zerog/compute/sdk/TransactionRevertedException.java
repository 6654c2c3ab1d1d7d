package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.ContractRevertException;
import java.util.Map;

/**
 * A contract refused the transaction (found when estimating gas, so usually nothing was sent,
 * or after mining). Carries the decoded custom error, e.g. {@code MustWithdrawAllFundsFirst(total=...)}.
 */
public final class TransactionRevertedException extends SdkException {
    private final ContractRevertException revert;

    /** {@code whatNext}: a hint for this error, appended to the message. */
    public TransactionRevertedException(String action, ContractRevertException revert, String whatNext) {
        super(action + " was reverted by the contract with " + revert.reason() + ": " + whatNext, revert);
        this.revert = revert;
    }

    /** The custom error's name, e.g. {@code LedgerNotExists}. */
    public String errorName() {
        return revert.errorName();
    }

    /** The error's arguments by ABI parameter name, in declaration order. */
    public Map<String, Object> arguments() {
        return revert.arguments();
    }

    /** The decoded error as text, e.g. {@code TooManyProviders(count=21, max=20)}. */
    public String decodedText() {
        return revert.reason().toString();
    }
}
