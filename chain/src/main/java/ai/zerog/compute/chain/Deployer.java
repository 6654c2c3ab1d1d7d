package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.time.Duration;

/**
 * Deploys LedgerManager and InferenceServing behind beacon proxies, initialises both and
 * registers inference as {@code inference-v1.0}. The transaction order is fixed so that, from
 * anvil account #0 on a fresh chain, the proxies land at the addresses the official SDK and CLI
 * assume for chain 31337 (ledger at nonce 2, inference at nonce 6).
 */
public final class Deployer {
    public static final String SERVICE_TYPE = "inference";
    public static final String SERVICE_VERSION = "v1.0";
    public static final Duration DEFAULT_LOCK_TIME = Duration.ofHours(24);

    private Deployer() {
    }

    /**
     * Deploys with {@code sender} as owner. {@code lockTime} is the refund lock, within the
     * contract's bounds (1 hour to 7 days).
     */
    public static Deployment deploy(TransactionSender sender, DeploymentPlan plan, Duration lockTime, String description) {
        String tag = "deploy " + plan.label() + " ";
        Address owner = sender.address();
        Address ledgerImpl = created(sender.deploy(tag + "LedgerManager implementation",
                plan.ledgerImplementationCode(), BigInteger.ZERO));
        Address ledgerBeacon = created(sender.deploy(tag + "LedgerManager beacon",
                DeploymentPlan.beaconCode(ledgerImpl), BigInteger.ZERO));
        Address ledgerProxy = created(sender.deploy(tag + "LedgerManager proxy",
                DeploymentPlan.proxyCode(ledgerBeacon), BigInteger.ZERO));
        LedgerManagerContract ledger = LedgerManagerContract.withSender(sender, ledgerProxy);
        ledger.initialize(owner);

        Address inferenceImpl = created(sender.deploy(tag + "InferenceServing implementation",
                plan.inferenceImplementationCode(), BigInteger.ZERO));
        Address inferenceBeacon = created(sender.deploy(tag + "InferenceServing beacon",
                DeploymentPlan.beaconCode(inferenceImpl), BigInteger.ZERO));
        Address inferenceProxy = created(sender.deploy(tag + "InferenceServing proxy",
                DeploymentPlan.proxyCode(inferenceBeacon), BigInteger.ZERO));
        InferenceServingContract inference = InferenceServingContract.withSender(sender, inferenceProxy);
        inference.initialize(BigInteger.valueOf(lockTime.toSeconds()), ledgerProxy, owner);

        ledger.registerService(SERVICE_TYPE, SERVICE_VERSION, inferenceProxy, "0G Compute inference serving");
        if (!ledger.isRecommendedVersion(SERVICE_TYPE, SERVICE_VERSION)) {
            ledger.setRecommendedService(SERVICE_TYPE, SERVICE_VERSION);
        }
        return new Deployment(sender.rpc().chainId(), ledgerProxy, inferenceProxy, ledgerImpl, ledgerBeacon,
                inferenceImpl, inferenceBeacon);
    }

    /** True when both proxies hold code and the ledger knows the inference contract as {@code inference-v1.0}. */
    public static boolean isDeployed(EvmRpc rpc, Address ledger, Address inference) {
        if (rpc.codeAt(ledger).length == 0 || rpc.codeAt(inference).length == 0) {
            return false;
        }
        try {
            return LedgerManagerContract.readOnly(rpc, ledger)
                    .getServiceAddressByName(NetworkProfile.INFERENCE_SERVICE_NAME).equals(inference);
        } catch (ContractRevertException e) {
            return false;
        }
    }

    private static Address created(TxReceipt receipt) {
        return receipt.contractAddress().orElseThrow(() -> new ChainException(
                "deployment transaction " + receipt.transactionHash() + " created no contract"));
    }
}
