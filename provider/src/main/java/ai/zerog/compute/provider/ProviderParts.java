package ai.zerog.compute.provider;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.core.Address;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a broker server runs on: the chain (RPC and the InferenceServing proxy), the provider's
 * address, the TEE signer, fee storage, the upstream, where to ask for an early settlement, and
 * where to report metrics ({@link BrokerMetrics#NONE} when nobody scrapes them).
 */
public record ProviderParts(EvmRpc rpc, Address inferenceContract, Address provider, TeeSigner signer,
                            FeeStore store, Upstream upstream, Consumer<Address> earlySettlement, Clock clock,
                            BrokerMetrics metrics) {
    public ProviderParts {
        Objects.requireNonNull(metrics, "metrics (use BrokerMetrics.NONE to keep none)");
    }

    /** The parts without metrics ({@link BrokerMetrics#NONE}). */
    public ProviderParts(EvmRpc rpc, Address inferenceContract, Address provider, TeeSigner signer, FeeStore store,
                         Upstream upstream, Consumer<Address> earlySettlement, Clock clock) {
        this(rpc, inferenceContract, provider, signer, store, upstream, earlySettlement, clock, BrokerMetrics.NONE);
    }
}
