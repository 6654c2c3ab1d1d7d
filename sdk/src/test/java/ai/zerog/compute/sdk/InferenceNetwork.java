package ai.zerog.compute.sdk;

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
import ai.zerog.compute.provider.FeeStore;
import ai.zerog.compute.provider.ProviderConfig;
import ai.zerog.compute.provider.ProviderParts;
import ai.zerog.compute.provider.ProviderServer;
import ai.zerog.compute.provider.RateLimits;
import ai.zerog.compute.provider.ServiceConfig;
import ai.zerog.compute.provider.ServiceRegistration;
import ai.zerog.compute.provider.SettlementConfig;
import ai.zerog.compute.provider.SettlementWorker;
import ai.zerog.compute.provider.SoftwareTeeSigner;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Our contracts freshly deployed on the shared anvil, our provider broker (dev model, SQLite fees)
 * registered and acknowledged by the owner, and a settlement worker the test runs by hand.
 * Built only from the provider module's public API. Users get their own funded wallets.
 */
final class InferenceNetwork implements AutoCloseable {
    static final BigInteger INPUT_PRICE = BigInteger.valueOf(1_000_000_000L);
    static final BigInteger OUTPUT_PRICE = BigInteger.valueOf(2_000_000_000L);
    static final String MODEL = "dev-model";

    final AnvilNode node = SharedAnvil.get();
    final EvmRpc rpc = EvmRpc.connect(node.rpcUrl());
    final Secp256k1Key owner = funded(Units.og(1_000));
    final Deployment deployment;
    final NetworkProfile profile;
    final Secp256k1Key providerKey = funded(Units.og(1_000));
    final Address provider = providerKey.address();
    final FeeStore store;
    final ProviderServer server;
    final SettlementWorker settlement;
    private final Path dir;
    private final java.util.List<ProviderServer> extras = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<FeeStore> extraStores = new java.util.concurrent.CopyOnWriteArrayList<>();

    InferenceNetwork(Path dir) {
        this.dir = dir;
        deployment = Deployer.deploy(TransactionSender.create(rpc, owner), DeploymentPlan.ours(LedgerMinimums.MAINNET),
                Duration.ofHours(1), "sdk-inference-test");
        profile = deployment.profile("sdk-test", node.rpcUrl());
        SoftwareTeeSigner signer = SoftwareTeeSigner.openOrCreate(dir.resolve("tee-signer.json"));
        store = FeeStore.sqlite(dir.resolve("fees.db"));
        settlement = SettlementWorker.create(store, TransactionSender.create(rpc, providerKey), deployment.inference(),
                signer, rpc.chainId(), Clock.systemUTC(), SettlementConfig.defaults());
        ProviderConfig config = ProviderConfig.chatbot(0, MODEL, INPUT_PRICE, OUTPUT_PRICE)
                .withLimits(new RateLimits(600, 100, 5, 20));
        server = ProviderServer.start(config, new ProviderParts(rpc, deployment.inference(), provider, signer, store,
                DevModel.create(), user -> { }, Clock.systemUTC()));
        ServiceRegistration.register(TransactionSender.create(rpc, providerKey), deployment.inference(),
                ServiceConfig.of("chatbot", server.url(), MODEL, INPUT_PRICE, OUTPUT_PRICE), signer);
        ownerContract().acknowledgeTEESignerByOwner(provider);
    }

    /**
     * Registers another provider at {@code url} (a fake or dead endpoint), signing with a fresh
     * software TEE key that the owner acknowledges; returns the provider's address.
     */
    Address registerExtraProvider(URI url, String name) {
        Secp256k1Key key = funded(Units.og(200));
        SoftwareTeeSigner signer = SoftwareTeeSigner.openOrCreate(dir.resolve(name + "-signer.json"));
        ServiceRegistration.register(TransactionSender.create(rpc, key), deployment.inference(),
                ServiceConfig.of("chatbot", url, MODEL, INPUT_PRICE, OUTPUT_PRICE), signer);
        ownerContract().acknowledgeTEESignerByOwner(key.address());
        return key.address();
    }

    /**
     * Starts and registers a second broker of {@code serviceType} (e.g. text-to-image) on the dev model,
     * acknowledged by the owner; closed with this network.
     */
    Address startProvider(String serviceType, String name) {
        Secp256k1Key key = funded(Units.og(200));
        SoftwareTeeSigner signer = SoftwareTeeSigner.openOrCreate(dir.resolve(name + "-signer.json"));
        FeeStore fees = FeeStore.sqlite(dir.resolve(name + "-fees.db"));
        ProviderConfig config = ProviderConfig.chatbot(0, MODEL, INPUT_PRICE, OUTPUT_PRICE).withServiceType(serviceType)
                .withLimits(new RateLimits(600, 100, 5, 20));
        ProviderServer extra = ProviderServer.start(config, new ProviderParts(rpc, deployment.inference(), key.address(),
                signer, fees, DevModel.create(), user -> { }, Clock.systemUTC()));
        extras.add(extra);
        extraStores.add(fees);
        ServiceRegistration.register(TransactionSender.create(rpc, key), deployment.inference(),
                ServiceConfig.of(serviceType, extra.url(), MODEL, INPUT_PRICE, OUTPUT_PRICE), signer);
        ownerContract().acknowledgeTEESignerByOwner(key.address());
        return key.address();
    }

    Secp256k1Key funded(BigInteger balance) {
        Secp256k1Key key = Secp256k1Key.random();
        node.setBalance(key.address().hex(), balance);
        return key;
    }

    /** A broker for a new wallet holding 100 0G, on the system clock. */
    ZgComputeBroker newUser() {
        return ZgComputeBroker.create(funded(Units.og(100)), profile, Clock.systemUTC());
    }

    ZgComputeBroker newUser(Clock clock) {
        return ZgComputeBroker.create(funded(Units.og(100)), profile, clock);
    }

    /** A new user with a 10 0G ledger who acknowledged our provider (1 0G in the sub-account). */
    ZgComputeBroker readyUser() {
        ZgComputeBroker user = newUser();
        user.ledger().addLedger(Units.og(10));
        user.inference().acknowledgeProvider(provider);
        return user;
    }

    InferenceServingContract ownerContract() {
        return InferenceServingContract.withSender(TransactionSender.create(rpc, owner), deployment.inference());
    }

    @Override
    public void close() {
        extras.forEach(ProviderServer::close);
        extraStores.forEach(FeeStore::close);
        server.close();
        settlement.close();
        store.close();
        rpc.close();
    }

    /** Polls {@code condition} until it holds, failing after {@code timeout} with what was awaited. */
    static void pollUntil(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
