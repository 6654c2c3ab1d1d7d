package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.util.List;

/** Every event InferenceServing emits; components are in ABI order. */
public sealed interface InferenceEvent {
    record AccountDeleted(Address user, Address provider, BigInteger refundedAmount) implements InferenceEvent {
    }

    record AllTokensRevoked(Address user, Address provider, BigInteger newGeneration) implements InferenceEvent {
    }

    /** {@code amount} is the sub-account's new balance. */
    record BalanceUpdated(Address user, Address provider, BigInteger amount, BigInteger pendingRefund)
            implements InferenceEvent {
    }

    /** Declared in the ABI, never emitted. */
    record BatchBalanceUpdated(List<Address> users, List<BigInteger> balances, List<BigInteger> pendingRefunds)
            implements InferenceEvent {
    }

    record ContractInitialized(Address owner, BigInteger lockTime, Address ledgerAddress) implements InferenceEvent {
    }

    record Initialized(int version) implements InferenceEvent {
    }

    record LockTimeUpdated(BigInteger oldLockTime, BigInteger newLockTime) implements InferenceEvent {
    }

    record OwnershipTransferred(Address previousOwner, Address newOwner) implements InferenceEvent {
    }

    record ProviderStakeReturned(Address provider, BigInteger amount) implements InferenceEvent {
    }

    record ProviderStaked(Address provider, BigInteger amount) implements InferenceEvent {
    }

    record ProviderTEESignerAcknowledged(Address provider, Address teeSignerAddress, boolean acknowledged)
            implements InferenceEvent {
    }

    record RefundRequested(Address user, Address provider, BigInteger index, BigInteger timestamp)
            implements InferenceEvent {
    }

    record ServiceRemoved(Address service) implements InferenceEvent {
    }

    record ServiceUpdated(Address service, String serviceType, String url, BigInteger inputPrice,
                          BigInteger outputPrice, BigInteger updatedAt, String model, String verifiability)
            implements InferenceEvent {
    }

    /** {@code status} is a {@link ai.zerog.compute.core.SettlementStatus} code. */
    record TEESettlementResult(Address user, int status, BigInteger unsettledAmount) implements InferenceEvent {
    }

    record TokenRevoked(Address user, Address provider, int tokenId) implements InferenceEvent {
    }

    record TokensRevoked(Address user, Address provider, List<Integer> tokenIds) implements InferenceEvent {
    }
}
