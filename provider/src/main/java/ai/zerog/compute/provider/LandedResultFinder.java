package ai.zerog.compute.provider;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceEvent;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.LogEntry;
import ai.zerog.compute.chain.SettlementResult;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.SettlementStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds, in the contract's logs since a batch was signed, the result of a batch item that landed
 * while the worker was not watching (crash after sending). A transaction of ours settled the user
 * if it holds a SUCCESS or PARTIAL {@code TEESettlementResult} for the user together with a
 * {@code BalanceUpdated(user, provider)}; a PARTIAL that took nothing emits no balance event, so it
 * is recognised by its unsettled amount being the whole fee. The batch's recorded transaction wins
 * when several match.
 */
final class LandedResultFinder {
    /** Blocks per {@code eth_getLogs} call; public RPC nodes cap the range. */
    private static final long WINDOW = 5_000;

    private final EvmRpc rpc;
    private final InferenceServingContract contract;
    private final Address provider;

    LandedResultFinder(EvmRpc rpc, InferenceServingContract contract, Address provider) {
        this.rpc = rpc;
        this.contract = contract;
        this.provider = provider;
    }

    Optional<SettlementResult> find(SettlementBatch batch) {
        List<Match> matches = new ArrayList<>();
        transactionsSince(batch.fromBlock()).forEach((tx, logs) -> match(batch, contract.events(logs))
                .ifPresent(result -> matches.add(new Match(tx, result))));
        return matches.stream()
                .filter(m -> batch.transaction().equals(Optional.of(m.transaction())))
                .findFirst()
                .or(() -> matches.stream().findFirst())
                .map(Match::result);
    }

    private record Match(Hash32 transaction, SettlementResult result) {
    }

    private Optional<SettlementResult> match(SettlementBatch batch, List<InferenceEvent> events) {
        Address user = batch.user();
        boolean paidUs = false;
        boolean paidAnyone = false;
        for (InferenceEvent event : events) {
            if (event instanceof InferenceEvent.BalanceUpdated b && b.user().equals(user)) {
                paidAnyone = true;
                paidUs |= b.provider().equals(provider);
            }
        }
        for (InferenceEvent event : events) {
            if (event instanceof InferenceEvent.TEESettlementResult r && r.user().equals(user)) {
                SettlementStatus status = SettlementStatus.ofCode(r.status());
                boolean accepted = status == SettlementStatus.SUCCESS || status == SettlementStatus.PARTIAL;
                boolean tookNothing = status == SettlementStatus.PARTIAL && !paidAnyone
                        && r.unsettledAmount().equals(batch.totalFee());
                if (accepted && (paidUs || tookNothing)) {
                    return Optional.of(new SettlementResult(user, status, r.unsettledAmount()));
                }
            }
        }
        return Optional.empty();
    }

    private Map<Hash32, List<LogEntry>> transactionsSince(long fromBlock) {
        long head = rpc.blockNumber();
        Map<Hash32, List<LogEntry>> byTransaction = new LinkedHashMap<>();
        for (long from = fromBlock; from <= head; from += WINDOW) {
            for (LogEntry log : rpc.logs(List.of(contract.address()), from, Math.min(head, from + WINDOW - 1))) {
                byTransaction.computeIfAbsent(log.transactionHash(), tx -> new ArrayList<>()).add(log);
            }
        }
        return byTransaction;
    }
}
