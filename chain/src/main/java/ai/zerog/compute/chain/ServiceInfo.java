package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;

/** A serving contract registered in LedgerManager, e.g. {@code inference-v1.0}. */
public record ServiceInfo(Address serviceAddress, Address serviceContract, String serviceType, String version,
                          String fullName, String description, boolean recommended, BigInteger registeredAt) {
}
