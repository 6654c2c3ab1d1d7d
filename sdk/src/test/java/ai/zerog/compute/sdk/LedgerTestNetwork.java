package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.Deployer;
import ai.zerog.compute.chain.Deployment;
import ai.zerog.compute.chain.DeploymentPlan;
import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.LedgerManagerContract;
import ai.zerog.compute.chain.LedgerMinimums;
import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.chain.ServiceParams;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.SharedAnvil;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One deployment of the ledger and inference contracts on the shared anvil, either ours or the
 * official bytecode, deployed once per JVM by a fresh owner. Tests use fresh funded keys, so
 * they never depend on each other's state.
 */
final class LedgerTestNetwork {
    static final Duration LOCK_TIME = Duration.ofHours(1);

    /** Which contracts a parameterized test runs against. */
    enum Contracts {
        OURS, OFFICIAL;

        DeploymentPlan plan() {
            return this == OURS ? DeploymentPlan.ours(LedgerMinimums.MAINNET) : ai.zerog.compute.chain.OfficialContracts.load().plan();
        }
    }

    private static final Map<Contracts, LedgerTestNetwork> DEPLOYED = new HashMap<>();

    final AnvilNode node;
    final EvmRpc rpc;
    final Deployment deployment;
    final NetworkProfile profile;
    private final Secp256k1Key owner;

    private LedgerTestNetwork(Contracts contracts) {
        node = SharedAnvil.get();
        rpc = EvmRpc.connect(node.rpcUrl());
        owner = fundedKey(Units.og(1_000));
        deployment = Deployer.deploy(TransactionSender.create(rpc, owner), contracts.plan(), LOCK_TIME,
                "sdk-test");
        profile = new NetworkProfile("devnet-test", 31337, node.rpcUrl(), deployment.ledger(), deployment.inference());
    }

    static synchronized LedgerTestNetwork of(Contracts contracts) {
        return DEPLOYED.computeIfAbsent(contracts, LedgerTestNetwork::new);
    }

    /** A new random key holding {@code balance} neuron. */
    Secp256k1Key fundedKey(BigInteger balance) {
        Secp256k1Key key = Secp256k1Key.random();
        node.setBalance(key.address().hex(), balance);
        return key;
    }

    ZgComputeBroker broker(Secp256k1Key key) {
        return ZgComputeBroker.create(key, profile);
    }

    /** A new provider with a registered inference service (staked 100 0G). */
    Address registeredProvider() {
        return registeredProvider(new ServiceParams("chatbot", "http://127.0.0.1:9", "test-model", "TeeML",
                BigInteger.valueOf(1_000), BigInteger.valueOf(2_000), "{}", Secp256k1Key.random().address()));
    }

    /** A new provider that registered {@code service} with its own key (staked 100 0G). */
    Address registeredProvider(ServiceParams service) {
        Secp256k1Key provider = fundedKey(Units.og(200));
        InferenceServingContract.withSender(TransactionSender.create(rpc, provider), deployment.inference())
                .addOrUpdateService(service, Units.og(100));
        return provider.address();
    }

    /** The contract owner acknowledges {@code provider}'s TEE signer, which lists its service by default. */
    void acknowledgeTeeSignerByOwner(Address provider) {
        InferenceServingContract.withSender(TransactionSender.create(rpc, owner), deployment.inference())
                .acknowledgeTEESignerByOwner(provider);
    }

    /** Transactions sent so far by {@code account} (mined ones). */
    long nonce(Address account) {
        return rpc.transactionCount(account, false);
    }

    LedgerManagerContract ledgerView() {
        return LedgerManagerContract.readOnly(rpc, deployment.ledger());
    }

    InferenceServingContract inferenceView() {
        return InferenceServingContract.readOnly(rpc, deployment.inference());
    }

    /** Moves the chain clock past the refund lock and mines a block so views see the new time. */
    void passLockTime() {
        node.increaseTime(LOCK_TIME.plusSeconds(1));
        node.mine();
    }
}
