package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.SettlementStatus;
import java.math.BigInteger;
import java.util.List;

/** What {@code settleFeesWithTEE} would do, from {@code previewSettlementResults}. */
public record SettlementPreview(List<Address> failedUsers, List<SettlementStatus> failureReasons,
                                List<Address> partialUsers, List<BigInteger> partialAmounts) {
    public SettlementPreview {
        failedUsers = List.copyOf(failedUsers);
        failureReasons = List.copyOf(failureReasons);
        partialUsers = List.copyOf(partialUsers);
        partialAmounts = List.copyOf(partialAmounts);
    }
}
