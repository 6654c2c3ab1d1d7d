package ai.zerog.compute.provider;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.core.Address;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * What a broker server runs on: the chain (RPC and the InferenceServing proxy), the provider's
 * address, the TEE signer, fee storage, the upstream, and where to ask for an early settlement.
 */
public record ProviderParts(EvmRpc rpc, Address inferenceContract, Address provider, TeeSigner signer,
                            FeeStore store, Upstream upstream, Consumer<Address> earlySettlement, Clock clock) {
}
