package ai.zerog.compute.provider;

import ai.zerog.compute.chain.SettlementOutcome;
import java.util.List;

/**
 * Points in a settlement round where tests make the worker crash (by throwing), to prove that a
 * fresh worker on the same store neither loses a fee nor charges one twice.
 */
interface SettlementHooks {
    SettlementHooks NONE = new SettlementHooks() {
    };

    /** The batches are signed and stored; nothing is sent yet. */
    default void beforeSend(List<SettlementBatch> batches) {
    }

    /** The transaction is mined; its hash is not stored yet. */
    default void afterSend(SettlementOutcome outcome) {
    }

    /** The transaction hash is stored; the results are not applied yet. */
    default void afterSentRecorded(SettlementOutcome outcome) {
    }
}
