package ai.zerog.compute.provider;

import ai.zerog.compute.chain.Deployer;
import ai.zerog.compute.chain.Deployment;
import ai.zerog.compute.chain.DeploymentPlan;
import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.LedgerManagerContract;
import ai.zerog.compute.chain.LedgerMinimums;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;

/**
 * The chain side of {@link BrokerBenchmark} on its own anvil: our contracts, a provider whose
 * service is registered and TEE signer acknowledged, and funded users with a sub-account.
 */
final class BenchmarkChain {
    final AnvilNode node;
    final EvmRpc rpc;
    final Secp256k1Key owner;
    final Secp256k1Key providerKey;
    final Deployment deployment;

    BenchmarkChain(AnvilNode node) {
        this.node = node;
        this.rpc = EvmRpc.connect(node.rpcUrl());
        this.owner = funded(Units.og(1_000));
        this.providerKey = funded(Units.og(1_000));
        this.deployment = Deployer.deploy(TransactionSender.create(rpc, owner),
                DeploymentPlan.ours(LedgerMinimums.MAINNET), Duration.ofHours(1), "broker-benchmark");
    }

    /** Registers the chatbot service at {@code url} with {@code signer} and has the owner acknowledge it. */
    void register(URI url, TeeSigner signer) {
        ServiceRegistration.register(TransactionSender.create(rpc, providerKey), deployment.inference(),
                ServiceConfig.of("chatbot", url, BrokerFixture.MODEL, BrokerFixture.INPUT_PRICE,
                        BrokerFixture.OUTPUT_PRICE), signer);
        InferenceServingContract.withSender(TransactionSender.create(rpc, owner), deployment.inference())
                .acknowledgeTEESignerByOwner(providerKey.address());
    }

    /** A user with a ledger and a sub-account of {@code subAccount} with our provider. */
    Secp256k1Key user(BigInteger subAccount) {
        BigInteger ledger = subAccount.add(Units.og(5));
        Secp256k1Key user = funded(ledger.add(Units.og(10)));
        LedgerManagerContract userLedger = LedgerManagerContract.withSender(TransactionSender.create(rpc, user),
                deployment.ledger());
        userLedger.addLedger("", ledger);
        userLedger.transferFund(providerKey.address(), "inference-v1.0", subAccount);
        return user;
    }

    private Secp256k1Key funded(BigInteger balance) {
        Secp256k1Key key = Secp256k1Key.random();
        node.setBalance(key.address().hex(), balance);
        return key;
    }
}
