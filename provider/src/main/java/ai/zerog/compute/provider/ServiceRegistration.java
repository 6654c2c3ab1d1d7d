package ai.zerog.compute.provider;

import ai.zerog.compute.chain.InferenceEvent;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.chain.ServiceParams;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.chain.TxReceipt;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers, updates and removes a provider's service on InferenceServing (PROTOCOL.md §1.5,
 * §9.3), idempotently: a configuration already on chain sends nothing. The first registration
 * stakes (at least the contract's {@code MIN_PROVIDER_STAKE}, 100 0G); updates send no value, as
 * the contract requires. Chain failures surface as the chain module's exceptions
 * ({@code ContractRevertException} with the decoded reason).
 */
public final class ServiceRegistration {

    private ServiceRegistration() {
    }

    /** {@link #register(TransactionSender, Address, ServiceConfig, TeeSigner, BigInteger)} staking the contract minimum. */
    public static RegistrationResult register(TransactionSender provider, Address inferenceContract, ServiceConfig config,
                                              TeeSigner signer) {
        BigInteger minimum = InferenceServingContract.readOnly(provider.rpc(), inferenceContract).minProviderStake();
        return register(provider, inferenceContract, config, signer, minimum);
    }

    /**
     * Makes the sender's service equal {@code config} signed by {@code signer}. {@code stake} is
     * sent only when the provider has no service yet and must be at least the contract minimum;
     * it is ignored for updates.
     */
    public static RegistrationResult register(TransactionSender provider, Address inferenceContract, ServiceConfig config,
                                              TeeSigner signer, BigInteger stake) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(stake, "stake");
        InferenceServingContract contract = InferenceServingContract.withSender(provider, inferenceContract);
        Address me = provider.address();
        Address owner = contract.owner();
        ServiceParams wanted = config.toParams(signer.address());

        if (!contract.serviceExists(me)) {
            checkStake(provider, contract, stake);
            TxReceipt receipt = contract.addOrUpdateService(wanted, stake);
            BigInteger staked = contract.events(receipt).stream()
                    .filter(InferenceEvent.ProviderStaked.class::isInstance)
                    .map(e -> ((InferenceEvent.ProviderStaked) e).amount())
                    .reduce(BigInteger.ZERO, BigInteger::add);
            return new RegistrationResult(RegistrationResult.Outcome.REGISTERED, me, Optional.of(receipt), staked,
                    contract.getService(me).teeSignerAcknowledged(), false, owner);
        }

        Service current = contract.getService(me);
        if (matches(current, wanted)) {
            return new RegistrationResult(RegistrationResult.Outcome.UNCHANGED, me, Optional.empty(), BigInteger.ZERO,
                    current.teeSignerAcknowledged(), false, owner);
        }
        TxReceipt receipt = contract.addOrUpdateService(wanted, BigInteger.ZERO);
        boolean acknowledged = contract.getService(me).teeSignerAcknowledged();
        return new RegistrationResult(RegistrationResult.Outcome.UPDATED, me, Optional.of(receipt), BigInteger.ZERO,
                acknowledged, current.teeSignerAcknowledged() && !acknowledged, owner);
    }

    /** Removes the sender's service; the contract returns the stake. Does nothing when there is none. */
    public static RegistrationResult remove(TransactionSender provider, Address inferenceContract) {
        InferenceServingContract contract = InferenceServingContract.withSender(provider, inferenceContract);
        Address me = provider.address();
        Address owner = contract.owner();
        if (!contract.serviceExists(me)) {
            return new RegistrationResult(RegistrationResult.Outcome.NOT_REGISTERED, me, Optional.empty(),
                    BigInteger.ZERO, false, false, owner);
        }
        TxReceipt receipt = contract.removeService();
        BigInteger returned = contract.events(receipt).stream()
                .filter(InferenceEvent.ProviderStakeReturned.class::isInstance)
                .map(e -> ((InferenceEvent.ProviderStakeReturned) e).amount())
                .reduce(BigInteger.ZERO, BigInteger::add);
        return new RegistrationResult(RegistrationResult.Outcome.REMOVED, me, Optional.of(receipt), returned, false,
                false, owner);
    }

    /** Refuses a first-registration stake here, before any gas is spent, when the contract or the balance would. */
    private static void checkStake(TransactionSender provider, InferenceServingContract contract, BigInteger stake) {
        BigInteger minimum = contract.minProviderStake();
        if (stake.compareTo(minimum) < 0) {
            throw new ProviderException("a stake of " + Units.formatOg(stake) + " 0G is below the contract's minimum "
                    + "provider stake of " + Units.formatOg(minimum) + " 0G");
        }
        BigInteger balance = provider.rpc().balanceOf(provider.address());
        if (balance.compareTo(stake) <= 0) {
            throw new ProviderException("provider " + provider.address() + " holds " + Units.formatOg(balance)
                    + " 0G; registering stakes " + Units.formatOg(stake) + " 0G plus gas. Fund the provider account first");
        }
    }

    private static boolean matches(Service current, ServiceParams wanted) {
        return current.serviceType().equals(wanted.serviceType())
                && current.url().equals(wanted.url())
                && current.model().equals(wanted.model())
                && current.verifiability().equals(wanted.verifiability())
                && current.inputPrice().equals(wanted.inputPrice())
                && current.outputPrice().equals(wanted.outputPrice())
                && current.additionalInfo().equals(wanted.additionalInfo())
                && current.teeSignerAddress().equals(wanted.teeSignerAddress());
    }
}
