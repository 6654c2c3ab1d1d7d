package ai.zerog.compute.cli;

import ai.zerog.compute.chain.NetworkProfile;

/** The network a command runs on: the profile (RPC, chain id, contracts) and where the RPC came from. */
public record ResolvedNetwork(NetworkProfile profile, String rpcSource) {
    public long chainId() {
        return profile.chainId();
    }
}
