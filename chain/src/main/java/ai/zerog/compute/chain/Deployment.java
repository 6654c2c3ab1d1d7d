package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import java.net.URI;

/** Where a deployment landed. Users call the proxies ({@code ledger}, {@code inference}). */
public record Deployment(long chainId, Address ledger, Address inference, Address ledgerImplementation,
                         Address ledgerBeacon, Address inferenceImplementation, Address inferenceBeacon) {
    public NetworkProfile profile(String name, URI rpcUrl) {
        return new NetworkProfile(name, chainId, rpcUrl, ledger, inference);
    }
}
