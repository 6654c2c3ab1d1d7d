package ai.zerog.compute.provider;

import ai.zerog.compute.chain.Deployer;
import ai.zerog.compute.chain.Deployment;
import ai.zerog.compute.chain.DeploymentPlan;
import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.LedgerManagerContract;
import ai.zerog.compute.chain.LedgerMinimums;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.SharedAnvil;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A running broker on the shared anvil: our contracts deployed, a provider registered as
 * {@link ServiceConfig#forBroker} says whose TEE signer the owner acknowledged, SQLite fee storage,
 * the dev model upstream, Prometheus metrics, and a settlement worker for the test to run. Users
 * are created funded, with a ledger and a sub-account with this provider.
 */
final class BrokerFixture implements AutoCloseable {
    static final BigInteger INPUT_PRICE = BigInteger.valueOf(1_000_000_000L);
    static final BigInteger OUTPUT_PRICE = BigInteger.valueOf(2_000_000_000L);
    static final String MODEL = "dev-model";

    final AnvilNode node = SharedAnvil.get();
    final EvmRpc rpc = EvmRpc.connect(node.rpcUrl());
    final Secp256k1Key owner = funded(Units.og(1_000));
    final Deployment deployment;
    final Secp256k1Key providerKey = funded(Units.og(1_000));
    final Address provider = providerKey.address();
    final SoftwareTeeSigner signer;
    final FeeStore store;
    final BrokerMetrics metrics = BrokerMetrics.prometheus();
    final ProviderServer server;
    final SettlementWorker settlement;

    BrokerFixture(Path dir, ProviderConfig config) {
        this(dir, config, DevModel.create(), Clock.systemUTC());
    }

    BrokerFixture(Path dir, ProviderConfig config, Upstream upstream, Clock clock) {
        this(dir, config, upstream, clock, BrokerLogs.none());
    }

    BrokerFixture(Path dir, ProviderConfig config, Upstream upstream, Clock clock, BrokerLogs logs) {
        deployment = Deployer.deploy(TransactionSender.create(rpc, owner), DeploymentPlan.ours(LedgerMinimums.MAINNET),
                Duration.ofHours(1), "broker-test");
        signer = SoftwareTeeSigner.openOrCreate(dir.resolve("tee-signer.json"));
        store = FeeStore.sqlite(dir.resolve("fees.db"));
        settlement = SettlementWorker.create(store, TransactionSender.create(rpc, providerKey), deployment.inference(),
                signer, rpc.chainId(), Clock.systemUTC(), SettlementConfig.defaults(), metrics);
        server = ProviderServer.start(config, new ProviderParts(rpc, deployment.inference(), provider, signer, store,
                upstream, user -> settlement.requestEarlySettlement(user), clock, metrics), logs);
        ServiceRegistration.register(TransactionSender.create(rpc, providerKey), deployment.inference(),
                ServiceConfig.forBroker(config, server.url()), signer);
        inference(owner).acknowledgeTEESignerByOwner(provider);
    }

    static ProviderConfig defaultConfig() {
        return ProviderConfig.chatbot(0, MODEL, INPUT_PRICE, OUTPUT_PRICE);
    }

    Secp256k1Key funded(BigInteger balance) {
        Secp256k1Key key = Secp256k1Key.random();
        node.setBalance(key.address().hex(), balance);
        return key;
    }

    /** A user with a ledger of {@code ledger} neuron and a sub-account of {@code subAccount} with our provider. */
    Secp256k1Key user(BigInteger ledger, BigInteger subAccount) {
        Secp256k1Key user = funded(ledger.add(Units.og(10)));
        LedgerManagerContract userLedger = LedgerManagerContract.withSender(TransactionSender.create(rpc, user),
                deployment.ledger());
        userLedger.addLedger("", ledger);
        userLedger.transferFund(provider, "inference-v1.0", subAccount);
        return user;
    }

    InferenceServingContract inference(Secp256k1Key key) {
        return InferenceServingContract.withSender(TransactionSender.create(rpc, key), deployment.inference());
    }

    static String privateKeyHex(Secp256k1Key key) {
        return String.format("0x%064x", key.privateKey());
    }

    @Override
    public void close() {
        server.close();
        settlement.close();
        store.close();
        rpc.close();
    }
}
