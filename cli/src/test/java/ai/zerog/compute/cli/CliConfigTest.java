package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.core.Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliConfigTest {
    private static final Address OWNER = Address.of("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    @TempDir
    Path home;

    private CliEnvironment environment() {
        return TestEnvironments.of(home, Map.of(), "");
    }

    @Test
    void aMissingFileIsTheEmptyConfig() {
        assertThat(CliConfig.load(environment())).isEqualTo(CliConfig.empty());
    }

    @Test
    void savedConfigIsReadBackAndOnlyItsOwnerCanReadIt() throws Exception {
        CliConfig config = CliConfig.empty().withNetwork("testnet", "https://evmrpc-testnet.0g.ai")
                .withKeystore(Path.of("keystore.json"), OWNER);

        config.save(environment());

        CliConfig loaded = CliConfig.load(environment());
        assertThat(loaded.rpcEndpoint()).contains("https://evmrpc-testnet.0g.ai");
        assertThat(loaded.network()).contains("testnet");
        assertThat(loaded.address()).contains(OWNER);
        assertThat(loaded.keystorePath(environment())).contains(home.resolve(".0g-compute-cli/keystore.json"));
        assertThat(loaded.lastUpdated()).isPresent();
        assertThat(SecureFiles.mode(CliConfig.file(environment()))).isEqualTo("rw-------");
        assertThat(SecureFiles.mode(environment().configDir())).isEqualTo("rwx------");
        assertThat(Files.readString(CliConfig.file(environment()))).doesNotContainIgnoringCase("privateKey");
    }

    @Test
    void choosingANetworkKeepsTheKey() {
        CliConfig config = CliConfig.empty().withKeystore(Path.of("keystore.json"), OWNER)
                .withNetwork("mainnet", "https://evmrpc.0g.ai");

        assertThat(config.keystore()).contains("keystore.json");
        assertThat(config.activeIdentity()).contains(CliConfig.Identity.KEYSTORE);
    }

    @Test
    void aDevnetMakesItsAccountTheIdentityUntilAnotherNetworkIsChosen() {
        NetworkProfile devnet = NetworkProfile.DEVNET;
        CliConfig onDevnet = CliConfig.empty().withKeystore(Path.of("keystore.json"), OWNER)
                .withDevnet("http://127.0.0.1:8545", devnet.ledger(), devnet.inference(), 1);

        assertThat(onDevnet.activeIdentity()).contains(CliConfig.Identity.DEVNET);
        assertThat(onDevnet.devnetAccount()).isEqualTo(OptionalInt.of(1));
        assertThat(onDevnet.chainId().getAsLong()).isEqualTo(31337);
        assertThat(onDevnet.keystore()).contains("keystore.json");

        CliConfig onTestnet = onDevnet.withNetwork("testnet", "https://evmrpc-testnet.0g.ai");
        assertThat(onTestnet.activeIdentity()).contains(CliConfig.Identity.KEYSTORE);
        assertThat(onTestnet.withNetwork("devnet", "http://127.0.0.1:8545").activeIdentity())
                .contains(CliConfig.Identity.DEVNET);
    }

    @Test
    void loggingOutLeavesTheDevnetAccount() {
        CliConfig config = CliConfig.empty().withDevnet("http://127.0.0.1:8545", NetworkProfile.DEVNET.ledger(),
                NetworkProfile.DEVNET.inference(), 2).withKeystore(Path.of("k.json"), OWNER).withoutKeystore();

        assertThat(config.keystore()).isEmpty();
        assertThat(config.address()).isEmpty();
        assertThat(config.activeIdentity()).contains(CliConfig.Identity.DEVNET);
    }

    @Test
    void aBrokenFileIsAFailureNamingIt() throws Exception {
        Files.createDirectories(environment().configDir());
        Files.writeString(CliConfig.file(environment()), "{not json");

        assertThatThrownBy(() -> CliConfig.load(environment()))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining(CliConfig.file(environment()).toString())
                .satisfies(e -> assertThat(((CliFailure) e).nextStep()).contains("setup-network"));
    }
}
