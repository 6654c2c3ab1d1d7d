package ai.zerog.compute.chain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.AnvilOptions;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs a fresh chain of its own: the official addresses depend on account #0's nonces. */
class DevnetDeployerTest {
    private static final Secp256k1Key ACCOUNT_0 = Secp256k1Key.fromHex(AnvilNode.defaultPrivateKeys().get(0));

    @Test
    void shouldLandAtTheOfficialAddressesAndSurviveARestartWithoutRedeploying(@TempDir Path dir) {
        Path state = dir.resolve("anvil-state.json");
        Path profileFile = dir.resolve("network.json");
        Address wallet = Secp256k1Key.random().address();
        DevnetDeployer.Options options = DevnetDeployer.Options.defaults(profileFile)
                .withFunding(Map.of(wallet, Units.og(25)));

        try (AnvilNode node = AnvilNode.start(AnvilOptions.builder().stateFile(state).build());
             EvmRpc rpc = EvmRpc.connect(node.rpcUrl())) {
            DevnetDeployer.Result first = DevnetDeployer.ensureDeployed(rpc, ACCOUNT_0, options);

            assertThat(first.deployed()).isTrue();
            assertThat(first.profile().ledger()).isEqualTo(NetworkProfile.DEVNET.ledger());
            assertThat(first.profile().inference()).isEqualTo(NetworkProfile.DEVNET.inference());
            assertThat(NetworkProfile.readFrom(profileFile)).isEqualTo(first.profile());
            LedgerManagerContract ledger = LedgerManagerContract.readOnly(rpc, first.profile().ledger());
            assertThat(ledger.getServiceInfo(first.profile().inference()).fullName()).isEqualTo("inference-v1.0");
            assertThat(ledger.getRecommendedService("inference").version()).isEqualTo("v1.0");
            assertThat(ledger.minAccountBalance()).isEqualTo(Units.og(3));
            assertThat(ledger.minTransferAmount()).isEqualTo(Units.og(1));
            assertThat(ledger.owner()).isEqualTo(ACCOUNT_0.address());
            InferenceServingContract inference = InferenceServingContract.readOnly(rpc, first.profile().inference());
            assertThat(inference.lockTime()).isEqualTo(BigInteger.valueOf(86_400));
            assertThat(inference.ledgerAddress()).isEqualTo(first.profile().ledger());
            assertThat(rpc.balanceOf(wallet)).isEqualTo(Units.og(25));

            long nonceAfterFirst = rpc.transactionCount(ACCOUNT_0.address(), true);
            DevnetDeployer.Result second = DevnetDeployer.ensureDeployed(rpc, ACCOUNT_0, options);
            assertThat(second.deployed()).isFalse();
            assertThat(second.profile()).isEqualTo(first.profile());
            assertThat(rpc.transactionCount(ACCOUNT_0.address(), true)).isEqualTo(nonceAfterFirst);
        }

        try (AnvilNode restarted = AnvilNode.start(AnvilOptions.builder().stateFile(state).build());
             EvmRpc rpc = EvmRpc.connect(restarted.rpcUrl())) {
            DevnetDeployer.Result again = DevnetDeployer.ensureDeployed(rpc, ACCOUNT_0, options);

            assertThat(again.deployed()).isFalse();
            assertThat(again.profile().ledger()).isEqualTo(NetworkProfile.DEVNET.ledger());
            assertThat(again.profile().rpcUrl()).isEqualTo(restarted.rpcUrl());
            assertThat(rpc.balanceOf(wallet)).isEqualTo(Units.og(25));
        }
    }
}
