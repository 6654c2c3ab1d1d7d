package ai.zerog.compute.provider;

import ai.zerog.compute.chain.SettlementResult;
import ai.zerog.compute.core.SettlementStatus;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Optional;

/**
 * Ends open batches from what the chain says: SUCCESS and PARTIAL settle (keeping the shortfall),
 * INVALID_NONCE with the account already at the batch nonce means it landed earlier, and every
 * other refusal gives the fees back with the reason recorded.
 */
final class BatchResolver {
    private static final System.Logger LOG = System.getLogger(BatchResolver.class.getName());

    private final FeeStore store;
    private final SettlementChain chain;
    private final LandedResultFinder finder;
    private final Clock clock;

    BatchResolver(FeeStore store, SettlementChain chain, LandedResultFinder finder, Clock clock) {
        this.store = store;
        this.chain = chain;
        this.finder = finder;
        this.clock = clock;
    }

    void apply(SettlementBatch batch, SettlementResult result, RoundTally tally) {
        switch (result.status()) {
            case SUCCESS -> finish(batch, BatchOutcome.settled(SettlementStatus.SUCCESS, BigInteger.ZERO, ""), tally);
            case PARTIAL -> finish(batch, BatchOutcome.settled(SettlementStatus.PARTIAL, result.unsettledAmount(),
                    "the sub-account covered " + batch.totalFee().subtract(result.unsettledAmount()) + " of "
                            + batch.totalFee() + " neuron; " + result.unsettledAmount() + " stays unpaid"), tally);
            default -> refused(batch, result.status(), tally);
        }
    }

    void refused(SettlementBatch batch, SettlementStatus status, RoundTally tally) {
        if (status == SettlementStatus.INVALID_NONCE) {
            BigInteger accountNonce = chain.accountNonce(batch.user());
            if (accountNonce.equals(batch.nonce())) {
                landed(batch, tally);
                return;
            }
            finish(batch, BatchOutcome.failed(status, "account nonce " + accountNonce + " is not below the batch nonce "
                    + batch.nonce() + "; the fees will be settled with a new nonce"), tally);
            return;
        }
        finish(batch, BatchOutcome.failed(status, explain(status)), tally);
    }

    /** The account nonce reached the batch nonce: settled, with the result found in the logs if possible. */
    void landed(SettlementBatch batch, RoundTally tally) {
        Optional<SettlementResult> result = finder.find(batch);
        String how = "landed earlier (account nonce reached " + batch.nonce() + ")";
        BatchOutcome outcome = result
                .map(r -> BatchOutcome.settled(r.status(), r.unsettledAmount(), how))
                .orElseGet(() -> BatchOutcome.landed(how + "; no result event found since block " + batch.fromBlock()));
        tally.recovered++;
        finish(batch, outcome, tally);
    }

    void finish(SettlementBatch batch, BatchOutcome outcome, RoundTally tally) {
        if (!store.complete(batch.id(), outcome, clock.instant())) {
            return;
        }
        if (outcome.state() == BatchState.SETTLED) {
            tally.settled++;
            tally.amount = tally.amount.add(batch.totalFee().subtract(outcome.shortfall()));
            if (outcome.status().equals(Optional.of(SettlementStatus.PARTIAL))) {
                tally.partial++;
            }
        } else {
            tally.failed++;
            LOG.log(System.Logger.Level.WARNING, "settlement of " + batch.totalFee() + " neuron for " + batch.user()
                    + " failed (" + outcome.status().map(Enum::name).orElse("no status") + "): " + outcome.detail());
        }
    }

    private static String explain(SettlementStatus status) {
        return switch (status) {
            case NO_TEE_SIGNER -> "the contract owner has not acknowledged the service's TEE signer (or the user's"
                    + " account is not acknowledged); the fees are retried every round";
            case INVALID_SIGNATURE -> "the user has no sub-account with this provider, or the signature does not"
                    + " recover to the registered TEE signer; the fees are retried every round";
            case PROVIDER_MISMATCH -> "the provider has no registered service; the fees are retried every round";
            default -> "settlement refused with status " + status;
        };
    }
}
