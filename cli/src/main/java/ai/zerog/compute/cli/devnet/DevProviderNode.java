package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.provider.BrokerMetrics;
import ai.zerog.compute.provider.DevModel;
import ai.zerog.compute.provider.FeeStore;
import ai.zerog.compute.provider.ProviderConfig;
import ai.zerog.compute.provider.ProviderParts;
import ai.zerog.compute.provider.ProviderServer;
import ai.zerog.compute.provider.RateLimits;
import ai.zerog.compute.provider.RegistrationResult;
import ai.zerog.compute.provider.ServiceConfig;
import ai.zerog.compute.provider.ServiceRegistration;
import ai.zerog.compute.provider.SettlementConfig;
import ai.zerog.compute.provider.SettlementWorker;
import ai.zerog.compute.provider.SoftwareTeeSigner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * One dev provider, put together as a real provider runs: a broker server on the dev model, a
 * software TEE signer sealed in its folder, fees in SQLite, the settlement worker, and its
 * service registered on chain and acknowledged by the contract owner.
 */
final class DevProviderNode implements AutoCloseable {
    private final DevService service;
    private final Address address;
    private final SoftwareTeeSigner signer;
    private final FeeStore store;
    private final SettlementWorker settlement;
    private final ProviderServer server;

    /**
     * A local playground is driven by one person through a proxy, a web UI and benchmarks at once:
     * the official per-user limits (30/min, burst 5, 5 concurrent) would answer 429 within seconds,
     * and nothing on a devnet needs protecting. The broker tests cover the real limits.
     */
    static final RateLimits DEVNET_LIMITS = new RateLimits(600_000, 100_000, 256, 1024);

    private DevProviderNode(DevService service, Address address, SoftwareTeeSigner signer, FeeStore store,
                            SettlementWorker settlement, ProviderServer server) {
        this.service = service;
        this.address = address;
        this.signer = signer;
        this.store = store;
        this.settlement = settlement;
        this.server = server;
    }

    /** Starts the broker (not yet registered): {@code folder} keeps the sealed TEE key and the fee database. */
    static DevProviderNode start(DevService service, Secp256k1Key key, EvmRpc rpc, NetworkProfile network,
                                 Path folder, int port, Duration settlementInterval) {
        SoftwareTeeSigner signer = SoftwareTeeSigner.openOrCreate(folder.resolve("tee-signer.json"));
        FeeStore store = FeeStore.sqlite(folder.resolve("fees.db"));
        BrokerMetrics metrics = BrokerMetrics.prometheus();
        SettlementWorker settlement = null;
        try {
            settlement = SettlementWorker.create(store, TransactionSender.create(rpc, key), network.inference(), signer,
                    network.chainId(), Clock.systemUTC(), SettlementConfig.defaults().withInterval(settlementInterval),
                    metrics);
            ProviderConfig config = ProviderConfig.chatbot(port, service.model(), service.inputPrice(),
                    service.outputPrice()).withServiceType(service.serviceType()).withLimits(DEVNET_LIMITS);
            ProviderServer server = ProviderServer.start(config, new ProviderParts(rpc, network.inference(),
                    key.address(), signer, store, DevModel.create(), settlement::requestEarlySettlement,
                    Clock.systemUTC(), metrics));
            settlement.start();
            return new DevProviderNode(service, key.address(), signer, store, settlement, server);
        } catch (RuntimeException e) {
            if (settlement != null) {
                settlement.close();
            }
            store.close();
            throw e;
        }
    }

    /** Registers (or updates, after a restart on another port) the service, then has the owner acknowledge it. */
    RegistrationResult register(EvmRpc rpc, Secp256k1Key key, Address inferenceContract, Secp256k1Key owner) {
        RegistrationResult result = ServiceRegistration.register(TransactionSender.create(rpc, key), inferenceContract,
                ServiceConfig.of(service.serviceType(), url(), service.model(), service.inputPrice(),
                        service.outputPrice()), signer);
        InferenceServingContract asOwner = InferenceServingContract.withSender(TransactionSender.create(rpc, owner),
                inferenceContract);
        if (!asOwner.getService(address).teeSignerAcknowledged()) {
            asOwner.acknowledgeTEESignerByOwner(address);
        }
        return result;
    }

    DevService service() {
        return service;
    }

    Address address() {
        return address;
    }

    Address teeSigner() {
        return signer.address();
    }

    /** The service URL registered on chain; clients call {@code <url>/v1/proxy/...}. */
    URI url() {
        return server.url();
    }

    DevnetSummary.Provider summary() {
        return new DevnetSummary.Provider(address, service.serviceType(), service.model(), url(), signer.address());
    }

    @Override
    public void close() {
        server.close();
        settlement.close();
        store.close();
    }
}
