package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import java.util.List;

/** One raw event log as the node returned it. */
public record LogEntry(Address address, List<Hash32> topics, byte[] data, long blockNumber,
                       Hash32 transactionHash, int logIndex) {
    public LogEntry {
        topics = List.copyOf(topics);
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
