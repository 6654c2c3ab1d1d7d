package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;

/** The recommended version of a service type and its serving contract. */
public record RecommendedService(String version, Address serviceAddress) {
}
