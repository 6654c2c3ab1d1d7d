package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.Deployer;
import ai.zerog.compute.chain.Deployment;
import ai.zerog.compute.chain.DeploymentPlan;
import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.LedgerMinimums;
import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.chain.ServiceParams;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.SharedAnvil;
import java.math.BigInteger;
import java.time.Duration;

/** Our contracts deployed on the shared anvil by an owner whose key the test holds (for owner-only calls). */
record OwnedDeployment(AnvilNode node, EvmRpc rpc, Secp256k1Key owner, Deployment deployment) {
    static OwnedDeployment fresh() {
        AnvilNode node = SharedAnvil.get();
        EvmRpc rpc = EvmRpc.connect(node.rpcUrl());
        Secp256k1Key owner = funded(node, Units.og(1_000));
        Deployment deployment = Deployer.deploy(TransactionSender.create(rpc, owner),
                DeploymentPlan.ours(LedgerMinimums.MAINNET), Duration.ofHours(1), "owner-test");
        return new OwnedDeployment(node, rpc, owner, deployment);
    }

    NetworkProfile profile() {
        return new NetworkProfile("devnet-owner-test", 31337, node.rpcUrl(), deployment.ledger(), deployment.inference());
    }

    /** A new provider with a registered chatbot service (staked 100 0G), not acknowledged. */
    Address registeredProvider() {
        Secp256k1Key provider = funded(node, Units.og(200));
        InferenceServingContract.withSender(TransactionSender.create(rpc, provider), deployment.inference())
                .addOrUpdateService(new ServiceParams("chatbot", "http://127.0.0.1:9", "test-model", "TeeML",
                        BigInteger.valueOf(1_000), BigInteger.valueOf(2_000), "{}", Secp256k1Key.random().address()),
                        Units.og(100));
        return provider.address();
    }

    Service service(Address provider) {
        return InferenceServingContract.readOnly(rpc, deployment.inference()).getService(provider);
    }

    private static Secp256k1Key funded(AnvilNode node, BigInteger balance) {
        Secp256k1Key key = Secp256k1Key.random();
        node.setBalance(key.address().hex(), balance);
        return key;
    }
}
