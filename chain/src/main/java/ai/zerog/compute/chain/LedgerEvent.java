package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;

/** Every event LedgerManager emits; components are in ABI order. */
public sealed interface LedgerEvent {
    record FundSpent(Address user, Address service, BigInteger amount) implements LedgerEvent {
    }

    record Initialized(int version) implements LedgerEvent {
    }

    record LedgerInfoUpdated(Address user, String additionalInfo) implements LedgerEvent {
    }

    record OwnershipTransferred(Address previousOwner, Address newOwner) implements LedgerEvent {
    }

    record RecommendedServiceUpdated(String serviceType, String version, Address serviceAddress) implements LedgerEvent {
    }

    record ServiceRegistered(Address serviceAddress, String serviceName) implements LedgerEvent {
    }
}
