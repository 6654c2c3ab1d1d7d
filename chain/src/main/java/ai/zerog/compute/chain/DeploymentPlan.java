package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import java.nio.ByteBuffer;

/**
 * The creation code of both implementations (constructor arguments included) plus the beacon
 * and proxy used in front of them. {@link #ours} is our contracts with chosen minimums; tests
 * build one from the official bytecode with {@link #of}.
 */
public record DeploymentPlan(String label, byte[] ledgerImplementationCode, byte[] inferenceImplementationCode) {
    public static DeploymentPlan ours(LedgerMinimums minimums) {
        byte[] args = AbiCodec.encodeArgs("(uint256,uint256)", minimums.minAccountBalance(),
                minimums.minTransferAmount());
        return new DeploymentPlan("ours",
                concat(ContractArtifact.ours(ContractArtifact.LEDGER_MANAGER).creationCode(), args),
                ContractArtifact.ours(ContractArtifact.INFERENCE_SERVING).creationCode());
    }

    public static DeploymentPlan of(String label, byte[] ledgerImplementationCode, byte[] inferenceImplementationCode) {
        return new DeploymentPlan(label, ledgerImplementationCode.clone(), inferenceImplementationCode.clone());
    }

    /** An OpenZeppelin UpgradeableBeacon pointing at {@code implementation}, owned by the deployer. */
    static byte[] beaconCode(Address implementation) {
        return concat(ContractArtifact.ours(ContractArtifact.UPGRADEABLE_BEACON).creationCode(),
                AbiCodec.encodeArgs("(address)", implementation));
    }

    /** An OpenZeppelin BeaconProxy in front of {@code beacon}, with no initialisation call. */
    static byte[] proxyCode(Address beacon) {
        return concat(ContractArtifact.ours(ContractArtifact.BEACON_PROXY).creationCode(),
                AbiCodec.encodeArgs("(address,bytes)", beacon, new byte[0]));
    }

    static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
