package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.Deployer;
import ai.zerog.compute.chain.Deployment;
import ai.zerog.compute.chain.DeploymentPlan;
import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceEvent;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.LedgerMinimums;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.chain.TxReceipt;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.SharedAnvil;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registration on a real anvil with our contracts: every test uses a fresh provider key and TEE
 * signer on one shared deployment, so tests never see each other's services.
 */
class ServiceRegistrationTest {
    private static final BigInteger STAKE = Units.og(100);
    private static final ServiceConfig CONFIG = ServiceConfig.of("chatbot", URI.create("http://127.0.0.1:8080"),
            "qwen-2.5-7b", BigInteger.valueOf(1_000), BigInteger.valueOf(2_000));

    private static AnvilNode node;
    private static EvmRpc rpc;
    private static Secp256k1Key owner;
    private static Deployment deployment;

    @BeforeAll
    static void deploy() {
        node = SharedAnvil.get();
        rpc = EvmRpc.connect(node.rpcUrl());
        owner = fundedKey(Units.og(10));
        deployment = Deployer.deploy(TransactionSender.create(rpc, owner), DeploymentPlan.ours(LedgerMinimums.MAINNET),
                Duration.ofHours(1), "test");
    }

    @Test
    void shouldStakeTheMinimumAndEmitProviderStakedOnFirstRegistration() {
        TransactionSender provider = provider(Units.og(101));
        TeeSigner signer = newSigner();

        RegistrationResult result = ServiceRegistration.register(provider, deployment.inference(), CONFIG, signer);

        assertThat(result.outcome()).isEqualTo(RegistrationResult.Outcome.REGISTERED);
        assertThat(result.stake()).isEqualTo(STAKE);
        assertThat(result.teeSignerAcknowledged()).isFalse();
        assertThat(result.contractOwner()).isEqualTo(owner.address());
        assertThat(view().events(result.receipt().orElseThrow()))
                .contains(new InferenceEvent.ProviderStaked(provider.address(), STAKE));
        Service service = view().getService(provider.address());
        assertThat(service.url()).isEqualTo("http://127.0.0.1:8080");
        assertThat(service.model()).isEqualTo("qwen-2.5-7b");
        assertThat(service.verifiability()).isEqualTo("TeeML");
        assertThat(service.additionalInfo()).isEqualTo(CONFIG.additionalInfo().json());
        assertThat(service.teeSignerAddress()).isEqualTo(signer.address());
        assertThat(result.summary()).contains("staking 100 0G")
                .contains("contract owner " + owner.address())
                .contains("acknowledgeTEESignerByOwner(" + provider.address() + ")");
    }

    @Test
    void shouldKeepTheAcknowledgementWhenOnlyPricesAndUrlChange() {
        TransactionSender provider = provider(Units.og(101));
        TeeSigner signer = newSigner();
        ServiceRegistration.register(provider, deployment.inference(), CONFIG, signer);
        ownerContract().acknowledgeTEESignerByOwner(provider.address());
        BigInteger before = rpc.balanceOf(provider.address());

        RegistrationResult result = ServiceRegistration.register(provider, deployment.inference(),
                CONFIG.withPrices(BigInteger.valueOf(5_000), BigInteger.valueOf(9_000))
                        .withPublicUrl(URI.create("https://broker.example")), signer);

        assertThat(result.outcome()).isEqualTo(RegistrationResult.Outcome.UPDATED);
        assertThat(result.teeSignerAcknowledged()).isTrue();
        assertThat(result.acknowledgementReset()).isFalse();
        assertThat(result.stake()).isZero();
        assertThat(rpc.balanceOf(provider.address())).isEqualTo(before.subtract(result.receipt().orElseThrow().fee()));
        Service service = view().getService(provider.address());
        assertThat(service.inputPrice()).isEqualTo(5_000);
        assertThat(service.outputPrice()).isEqualTo(9_000);
        assertThat(service.url()).isEqualTo("https://broker.example");
        assertThat(result.summary()).contains("Updated").contains("is acknowledged");
    }

    @Test
    void shouldResetTheAcknowledgementWhenTheModelChanges() {
        TransactionSender provider = provider(Units.og(101));
        TeeSigner signer = newSigner();
        ServiceRegistration.register(provider, deployment.inference(), CONFIG, signer);
        ownerContract().acknowledgeTEESignerByOwner(provider.address());

        RegistrationResult result = ServiceRegistration.register(provider, deployment.inference(),
                CONFIG.withModel("llama-3.1-8b"), signer);

        assertThat(result.outcome()).isEqualTo(RegistrationResult.Outcome.UPDATED);
        assertThat(result.teeSignerAcknowledged()).isFalse();
        assertThat(result.acknowledgementReset()).isTrue();
        assertThat(view().getService(provider.address()).model()).isEqualTo("llama-3.1-8b");
        assertThat(result.summary()).contains("not acknowledged any more")
                .contains("acknowledgeTEESignerByOwner(" + provider.address() + ")");
    }

    @Test
    void shouldResetTheAcknowledgementWhenTheTeeSignerChanges() {
        TransactionSender provider = provider(Units.og(101));
        ServiceRegistration.register(provider, deployment.inference(), CONFIG, newSigner());
        ownerContract().acknowledgeTEESignerByOwner(provider.address());
        TeeSigner replacement = newSigner();

        RegistrationResult result = ServiceRegistration.register(provider, deployment.inference(), CONFIG, replacement);

        assertThat(result.outcome()).isEqualTo(RegistrationResult.Outcome.UPDATED);
        assertThat(result.teeSignerAcknowledged()).isFalse();
        assertThat(view().getService(provider.address()).teeSignerAddress()).isEqualTo(replacement.address());
    }

    @Test
    void shouldSendNothingWhenTheServiceAlreadyMatches() {
        TransactionSender provider = provider(Units.og(101));
        TeeSigner signer = newSigner();
        ServiceRegistration.register(provider, deployment.inference(), CONFIG, signer);
        ownerContract().acknowledgeTEESignerByOwner(provider.address());
        long nonce = rpc.transactionCount(provider.address(), true);
        BigInteger balance = rpc.balanceOf(provider.address());

        RegistrationResult result = ServiceRegistration.register(provider, deployment.inference(), CONFIG, signer);

        assertThat(result.outcome()).isEqualTo(RegistrationResult.Outcome.UNCHANGED);
        assertThat(result.receipt()).isEmpty();
        assertThat(result.teeSignerAcknowledged()).isTrue();
        assertThat(rpc.transactionCount(provider.address(), true)).isEqualTo(nonce);
        assertThat(rpc.balanceOf(provider.address())).isEqualTo(balance);
        assertThat(result.summary()).contains("already matches").contains("no transaction sent");
    }

    @Test
    void shouldReturnTheStakeOnRemovalAndThenHaveNothingToRemove() {
        TransactionSender provider = provider(Units.og(101));
        ServiceRegistration.register(provider, deployment.inference(), CONFIG, newSigner());
        BigInteger before = rpc.balanceOf(provider.address());

        RegistrationResult removed = ServiceRegistration.remove(provider, deployment.inference());

        TxReceipt receipt = removed.receipt().orElseThrow();
        assertThat(removed.outcome()).isEqualTo(RegistrationResult.Outcome.REMOVED);
        assertThat(removed.stake()).isEqualTo(STAKE);
        assertThat(view().events(receipt)).contains(new InferenceEvent.ProviderStakeReturned(provider.address(), STAKE),
                new InferenceEvent.ServiceRemoved(provider.address()));
        assertThat(rpc.balanceOf(provider.address())).isEqualTo(before.add(STAKE).subtract(receipt.fee()));
        assertThat(view().serviceExists(provider.address())).isFalse();
        long nonce = rpc.transactionCount(provider.address(), true);

        RegistrationResult again = ServiceRegistration.remove(provider, deployment.inference());

        assertThat(again.outcome()).isEqualTo(RegistrationResult.Outcome.NOT_REGISTERED);
        assertThat(again.receipt()).isEmpty();
        assertThat(rpc.transactionCount(provider.address(), true)).isEqualTo(nonce);
    }

    @Test
    void shouldStakeAgainWhenRegisteringAfterRemoval() {
        TransactionSender provider = provider(Units.og(101));
        TeeSigner signer = newSigner();
        ServiceRegistration.register(provider, deployment.inference(), CONFIG, signer);
        ServiceRegistration.remove(provider, deployment.inference());

        RegistrationResult result = ServiceRegistration.register(provider, deployment.inference(), CONFIG, signer);

        assertThat(result.outcome()).isEqualTo(RegistrationResult.Outcome.REGISTERED);
        assertThat(result.stake()).isEqualTo(STAKE);
    }

    @Test
    void shouldStakeMoreThanTheMinimumWhenAsked() {
        TransactionSender provider = provider(Units.og(151));

        RegistrationResult result = ServiceRegistration.register(provider, deployment.inference(), CONFIG, newSigner(),
                Units.og(150));

        assertThat(result.stake()).isEqualTo(Units.og(150));
    }

    @Test
    void shouldRefuseAStakeBelowTheMinimumBeforeSendingAnything() {
        TransactionSender provider = provider(Units.og(101));
        long nonce = rpc.transactionCount(provider.address(), true);

        assertThatThrownBy(() -> ServiceRegistration.register(provider, deployment.inference(), CONFIG, newSigner(),
                Units.og(99)))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("99 0G is below the contract's minimum provider stake of 100 0G");
        assertThat(rpc.transactionCount(provider.address(), true)).isEqualTo(nonce);
        assertThat(view().serviceExists(provider.address())).isFalse();
    }

    @Test
    void shouldRefuseWhenTheProviderCannotAffordTheStake() {
        TransactionSender provider = provider(Units.og(5));

        assertThatThrownBy(() -> ServiceRegistration.register(provider, deployment.inference(), CONFIG, newSigner()))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("holds 5 0G")
                .hasMessageContaining("stakes 100 0G plus gas");
    }

    private static Secp256k1Key fundedKey(BigInteger balance) {
        Secp256k1Key key = Secp256k1Key.random();
        node.setBalance(key.address().hex(), balance);
        return key;
    }

    private static TransactionSender provider(BigInteger balance) {
        return TransactionSender.create(rpc, fundedKey(balance));
    }

    private static TeeSigner newSigner() {
        return SoftwareTeeSigner.withKey(Secp256k1Key.random());
    }

    private static InferenceServingContract view() {
        return InferenceServingContract.readOnly(rpc, deployment.inference());
    }

    private static InferenceServingContract ownerContract() {
        return InferenceServingContract.withSender(TransactionSender.create(rpc, owner), deployment.inference());
    }
}
