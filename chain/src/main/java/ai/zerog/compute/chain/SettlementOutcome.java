package ai.zerog.compute.chain;

import java.util.List;

/** A mined settlement batch: its receipt and one result per submitted item, in order. */
public record SettlementOutcome(TxReceipt receipt, List<SettlementResult> results) {
    public SettlementOutcome {
        results = List.copyOf(results);
    }
}
