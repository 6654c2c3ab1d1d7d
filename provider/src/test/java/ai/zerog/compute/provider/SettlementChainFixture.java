package ai.zerog.compute.provider;

import ai.zerog.compute.chain.Account;
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

/**
 * Our contracts on the JVM's shared anvil, deployed once, plus fresh providers and users per test
 * so tests never see each other's accounts.
 */
final class SettlementChainFixture {
    private static final BigInteger GAS_MONEY = Units.og(1);
    private static final BigInteger STAKE = Units.og(100);
    private static final BigInteger MIN_LEDGER = Units.og(3);

    private static SettlementChainFixture instance;

    final AnvilNode node;
    final EvmRpc rpc;
    final Secp256k1Key owner;
    final Deployment deployment;

    record Provider(Secp256k1Key key, TestTeeSigner tee) {
        Address address() {
            return key.address();
        }
    }

    private SettlementChainFixture() {
        node = SharedAnvil.get();
        rpc = EvmRpc.connect(node.rpcUrl());
        owner = fundedKey(Units.og(10));
        deployment = Deployer.deploy(TransactionSender.create(rpc, owner), DeploymentPlan.ours(LedgerMinimums.MAINNET),
                Duration.ofHours(1), "provider tests");
    }

    static synchronized SettlementChainFixture get() {
        if (instance == null) {
            instance = new SettlementChainFixture();
        }
        return instance;
    }

    Secp256k1Key fundedKey(BigInteger balance) {
        Secp256k1Key key = Secp256k1Key.random();
        node.setBalance(key.address().hex(), balance);
        return key;
    }

    TransactionSender sender(Secp256k1Key key) {
        return TransactionSender.create(rpc, key);
    }

    InferenceServingContract inference(Secp256k1Key key) {
        return InferenceServingContract.withSender(sender(key), deployment.inference());
    }

    /** A provider with a staked service whose TEE signer the owner has acknowledged only if {@code acknowledged}. */
    Provider provider(boolean acknowledged) {
        Provider provider = new Provider(fundedKey(STAKE.add(GAS_MONEY)), TestTeeSigner.random());
        inference(provider.key()).addOrUpdateService(new ServiceParams("chatbot", "http://127.0.0.1:1/v1/proxy",
                "dev-model", "TeeML", BigInteger.ONE, BigInteger.TWO, "{}", provider.tee().address()), STAKE);
        if (acknowledged) {
            acknowledge(provider);
        }
        return provider;
    }

    void acknowledge(Provider provider) {
        inference(owner).acknowledgeTEESignerByOwner(provider.address());
    }

    /** A user with a ledger who moved {@code transfer} neuron into a sub-account with {@code provider}. */
    Address user(Provider provider, BigInteger transfer) {
        Secp256k1Key key = fundedKey(MIN_LEDGER.add(transfer).add(GAS_MONEY));
        LedgerManagerContract ledger = LedgerManagerContract.withSender(sender(key), deployment.ledger());
        ledger.addLedger("", MIN_LEDGER.add(transfer));
        ledger.transferFund(provider.address(), NetworkProfile.INFERENCE_SERVICE_NAME, transfer);
        return key.address();
    }

    Account account(Address user, Provider provider) {
        return InferenceServingContract.readOnly(rpc, deployment.inference()).getAccount(user, provider.address());
    }
}
