package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.AnvilOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevnetKeysTest {
    @TempDir
    Path home;

    @Test
    void theDefaultMnemonicGivesAnvilsWellKnownAccounts() {
        for (int i = 0; i < 3; i++) {
            assertThat(DevnetKeys.derive(AnvilOptions.DEFAULT_MNEMONIC, i))
                    .isEqualTo(Secp256k1Key.fromHex(AnvilNode.defaultPrivateKeys().get(i)));
        }
    }

    @Test
    void theDevnetStateFileNamesTheMnemonicAndRpc() throws Exception {
        CliEnvironment environment = TestEnvironments.of(home, Map.of(), "");
        String mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
        Files.createDirectories(DevnetKeys.stateFile(environment).getParent());
        Files.writeString(DevnetKeys.stateFile(environment),
                "{\"mnemonic\":\"" + mnemonic + "\",\"rpc\":\"http://127.0.0.1:9545\"}");

        assertThat(DevnetKeys.account(environment, 0)).isEqualTo(DevnetKeys.derive(mnemonic, 0));
        assertThat(DevnetKeys.account(environment, 0).address().checksummed())
                .isEqualTo("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
        assertThat(DevnetKeys.savedRpc(environment)).contains("http://127.0.0.1:9545");
    }

    @Test
    void withoutStateTheDefaultMnemonicApplies() {
        CliEnvironment environment = TestEnvironments.of(home, Map.of(), "");

        assertThat(DevnetKeys.mnemonic(environment)).isEqualTo(AnvilOptions.DEFAULT_MNEMONIC);
        assertThat(DevnetKeys.savedRpc(environment)).isEmpty();
    }
}
