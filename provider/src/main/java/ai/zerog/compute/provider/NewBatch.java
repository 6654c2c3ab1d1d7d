package ai.zerog.compute.provider;

import ai.zerog.compute.core.TeeSettlement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A signed settlement item about to be stored with the fee records it covers. {@code fromBlock} is
 * the chain head when it was signed: the item cannot have landed before it, so recovery searches
 * its result from there.
 */
public record NewBatch(TeeSettlement item, List<String> requestHashes, long fromBlock, Instant createdAt) {

    public NewBatch {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(createdAt, "createdAt");
        requestHashes = List.copyOf(requestHashes);
        if (requestHashes.isEmpty()) {
            throw new ProviderException("a settlement batch needs at least one fee record");
        }
        if (fromBlock < 0) {
            throw new ProviderException("fromBlock must not be negative, got " + fromBlock);
        }
    }
}
