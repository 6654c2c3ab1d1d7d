package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;

/** One registered version of a service type. */
public record ServiceVersion(String version, Address serviceAddress, boolean recommended) {
}
