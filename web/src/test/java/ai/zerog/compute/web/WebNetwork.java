package ai.zerog.compute.web;

import ai.zerog.compute.chain.Deployer;
import ai.zerog.compute.chain.Deployment;
import ai.zerog.compute.chain.DeploymentPlan;
import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.LedgerMinimums;
import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.SharedAnvil;
import ai.zerog.compute.provider.DevModel;
import ai.zerog.compute.provider.DevModelConfig;
import ai.zerog.compute.provider.FeeStore;
import ai.zerog.compute.provider.ProviderConfig;
import ai.zerog.compute.provider.ProviderParts;
import ai.zerog.compute.provider.ProviderServer;
import ai.zerog.compute.provider.RateLimits;
import ai.zerog.compute.provider.ServiceConfig;
import ai.zerog.compute.provider.ServiceRegistration;
import ai.zerog.compute.provider.SoftwareTeeSigner;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Our contracts freshly deployed on the shared anvil and one dev-model provider broker per
 * service type, registered and acknowledged: what the web UI's API tests run against (the CLI's
 * devnet does the same for the browser tests).
 */
final class WebNetwork implements AutoCloseable {
    static final BigInteger INPUT_PRICE = BigInteger.valueOf(1_000_000_000L);
    static final BigInteger OUTPUT_PRICE = BigInteger.valueOf(2_000_000_000L);

    final AnvilNode node = SharedAnvil.get();
    final EvmRpc rpc = EvmRpc.connect(node.rpcUrl());
    final Secp256k1Key owner = funded(Units.og(1_000));
    final NetworkProfile profile;
    final Map<String, Address> providers = new ConcurrentHashMap<>();
    private final Deployment deployment;
    private final List<ProviderServer> servers = new ArrayList<>();
    private final List<FeeStore> stores = new ArrayList<>();
    private final DevModelConfig devModel;

    WebNetwork(Path dir, String... serviceTypes) {
        this(dir, DevModelConfig.defaults(), serviceTypes);
    }

    /** With the dev model configured, e.g. slowed down by a token delay. */
    WebNetwork(Path dir, DevModelConfig devModel, String... serviceTypes) {
        this.devModel = devModel;
        deployment = Deployer.deploy(TransactionSender.create(rpc, owner), DeploymentPlan.ours(LedgerMinimums.MAINNET),
                java.time.Duration.ofHours(1), "web-ui-test");
        profile = deployment.profile("devnet", node.rpcUrl());
        for (String type : serviceTypes) {
            providers.put(type, startProvider(dir, type));
        }
    }

    private Address startProvider(Path dir, String type) {
        Secp256k1Key key = funded(Units.og(200));
        SoftwareTeeSigner signer = SoftwareTeeSigner.openOrCreate(dir.resolve(type + "-signer.json"));
        FeeStore fees = FeeStore.sqlite(dir.resolve(type + "-fees.db"));
        String model = "dev-" + type;
        ProviderConfig config = ProviderConfig.chatbot(0, model, INPUT_PRICE, OUTPUT_PRICE).withServiceType(type)
                .withLimits(new RateLimits(600, 100, 5, 20));
        ProviderServer server = ProviderServer.start(config, new ProviderParts(rpc, deployment.inference(), key.address(),
                signer, fees, DevModel.create(devModel), user -> { }, Clock.systemUTC()));
        servers.add(server);
        stores.add(fees);
        ServiceRegistration.register(TransactionSender.create(rpc, key), deployment.inference(),
                ServiceConfig.of(type, server.url(), model, INPUT_PRICE, OUTPUT_PRICE), signer);
        InferenceServingContract.withSender(TransactionSender.create(rpc, owner), deployment.inference())
                .acknowledgeTEESignerByOwner(key.address());
        return key.address();
    }

    Secp256k1Key funded(BigInteger balance) {
        Secp256k1Key key = Secp256k1Key.random();
        node.setBalance(key.address().hex(), balance);
        return key;
    }

    @Override
    public void close() {
        servers.forEach(ProviderServer::close);
        stores.forEach(FeeStore::close);
        rpc.close();
    }
}
