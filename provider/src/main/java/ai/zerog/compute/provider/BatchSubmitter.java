package ai.zerog.compute.provider;

import ai.zerog.compute.chain.ContractRevertException;
import ai.zerog.compute.chain.SettlementOutcome;
import ai.zerog.compute.chain.SettlementPreview;
import ai.zerog.compute.chain.SettlementResult;
import ai.zerog.compute.chain.TransactionTimeoutException;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.SettlementStatus;
import ai.zerog.compute.core.TeeSettlement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one chunk (at most 50) of stored batches: previews it so items the contract would refuse
 * cost no gas, sends the rest in one {@code settleFeesWithTEE}, stores the transaction hash, then
 * applies each item's status. A transaction that is not confirmed in time stays open for the next
 * round; one that reverted gives the fees back.
 */
final class BatchSubmitter {
    private static final System.Logger LOG = System.getLogger(BatchSubmitter.class.getName());

    private final FeeStore store;
    private final SettlementChain chain;
    private final BatchResolver resolver;
    private final Clock clock;
    private final SettlementHooks hooks;

    BatchSubmitter(FeeStore store, SettlementChain chain, BatchResolver resolver, Clock clock, SettlementHooks hooks) {
        this.store = store;
        this.chain = chain;
        this.resolver = resolver;
        this.clock = clock;
        this.hooks = hooks;
    }

    void submit(List<SettlementBatch> chunk, RoundTally tally) {
        List<SettlementBatch> sendable = withoutRefused(chunk, tally);
        if (sendable.isEmpty()) {
            return;
        }
        hooks.beforeSend(sendable);
        List<Long> ids = sendable.stream().map(SettlementBatch::id).toList();
        SettlementOutcome outcome;
        try {
            outcome = chain.settle(items(sendable));
        } catch (TransactionTimeoutException e) {
            store.markSent(ids, e.transactionHash(), clock.instant());
            tally.pending += sendable.size();
            LOG.log(System.Logger.Level.WARNING, "settlement transaction " + e.transactionHash()
                    + " is not confirmed yet; the next round resolves its " + sendable.size() + " items");
            return;
        } catch (ContractRevertException e) {
            for (SettlementBatch batch : sendable) {
                resolver.finish(batch, BatchOutcome.failed("settlement transaction reverted: " + e.getMessage()), tally);
            }
            return;
        }
        tally.transactions++;
        hooks.afterSend(outcome);
        store.markSent(ids, outcome.receipt().transactionHash(), clock.instant());
        hooks.afterSentRecorded(outcome);
        for (int i = 0; i < sendable.size(); i++) {
            SettlementBatch batch = sendable.get(i);
            Optional<SettlementResult> result = resultOf(outcome, batch, i);
            if (result.isPresent()) {
                resolver.apply(batch, result.get(), tally);
            } else {
                tally.pending++;
                LOG.log(System.Logger.Level.WARNING, "transaction " + outcome.receipt().transactionHash()
                        + " reported no result for " + batch.user() + "; the next round resolves it");
            }
        }
    }

    private List<SettlementBatch> withoutRefused(List<SettlementBatch> chunk, RoundTally tally) {
        SettlementPreview preview = chain.preview(items(chunk));
        Map<Address, SettlementStatus> refused = new HashMap<>();
        for (int i = 0; i < preview.failedUsers().size(); i++) {
            refused.put(preview.failedUsers().get(i), preview.failureReasons().get(i));
        }
        List<SettlementBatch> sendable = new ArrayList<>();
        for (SettlementBatch batch : chunk) {
            SettlementStatus status = refused.get(batch.user());
            if (status == null) {
                sendable.add(batch);
            } else {
                resolver.refused(batch, status, tally);
            }
        }
        return sendable;
    }

    private static Optional<SettlementResult> resultOf(SettlementOutcome outcome, SettlementBatch batch, int index) {
        List<SettlementResult> results = outcome.results();
        if (index < results.size() && results.get(index).user().equals(batch.user())) {
            return Optional.of(results.get(index));
        }
        return results.stream().filter(r -> r.user().equals(batch.user())).findFirst();
    }

    private static List<TeeSettlement> items(List<SettlementBatch> batches) {
        return batches.stream().map(SettlementBatch::item).toList();
    }
}
