package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.SharedAnvil;
import java.math.BigInteger;
import java.time.Duration;

/**
 * The shared test chain: one anvil per test JVM with our contracts deployed once, by a fresh
 * owner key. Tests create their own funded accounts so they never depend on each other's state.
 */
final class TestChain {
    static final Duration LOCK_TIME = Duration.ofHours(1);

    private static TestChain instance;

    final AnvilNode node;
    final EvmRpc rpc;
    final Secp256k1Key owner;
    final Deployment deployment;

    private TestChain() {
        node = SharedAnvil.get();
        rpc = EvmRpc.connect(node.rpcUrl());
        owner = fundedKey(Units.og(1_000));
        deployment = Deployer.deploy(TransactionSender.create(rpc, owner), DeploymentPlan.ours(LedgerMinimums.MAINNET),
                LOCK_TIME, "test");
    }

    static synchronized TestChain get() {
        if (instance == null) {
            instance = new TestChain();
        }
        return instance;
    }

    /** A new random key holding {@code balance} neuron on the shared chain. */
    Secp256k1Key fundedKey(BigInteger balance) {
        Secp256k1Key key = Secp256k1Key.random();
        node.setBalance(key.address().hex(), balance);
        return key;
    }

    TransactionSender sender(Secp256k1Key key) {
        return TransactionSender.create(rpc, key);
    }

    LedgerManagerContract ledger(Secp256k1Key key) {
        return LedgerManagerContract.withSender(sender(key), deployment.ledger());
    }

    InferenceServingContract inference(Secp256k1Key key) {
        return InferenceServingContract.withSender(sender(key), deployment.inference());
    }

    LedgerManagerContract ledgerView() {
        return LedgerManagerContract.readOnly(rpc, deployment.ledger());
    }

    InferenceServingContract inferenceView() {
        return InferenceServingContract.readOnly(rpc, deployment.inference());
    }

    Address inferenceAddress() {
        return deployment.inference();
    }
}
