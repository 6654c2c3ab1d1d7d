package ai.zerog.compute.cli.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.AnvilOptions;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

class DevnetAccountsTest {
    private static final String MNEMONIC = MnemonicUtils.generateMnemonic(fixedEntropy());

    @Test
    void bip44DerivationOfTheDefaultMnemonicGivesAnvilsWellKnownKeys() {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(
                MnemonicUtils.generateSeed(AnvilOptions.DEFAULT_MNEMONIC, ""));

        assertThat(IntStream.range(0, DevnetAccounts.COUNT).mapToObj(i -> DevnetAccounts.derive(master, i)).toList())
                .isEqualTo(AnvilNode.defaultPrivateKeys().stream().map(Secp256k1Key::fromHex).toList());
    }

    @Test
    void anvilStartedWithAMnemonicFundsTheAccountsWeDerive() {
        DevnetAccounts accounts = DevnetAccounts.of(MNEMONIC);

        try (AnvilNode node = AnvilNode.start(AnvilOptions.builder().mnemonic(MNEMONIC).build())) {
            assertThat(node.balance(accounts.address(DevnetAccounts.COUNT - 1).checksummed()))
                    .isEqualTo(Units.og(10_000));
            assertThat(node.balance(DevnetAccounts.defaults().address(1).checksummed())).isZero();
        }
        assertThat(accounts.isDefault()).isFalse();
        assertThat(accounts.toString()).doesNotContain(MNEMONIC.split(" ")[0] + " ").contains("custom mnemonic");
    }

    @Test
    void aPhraseWithABadChecksumIsRefused() {
        assertThatThrownBy(() -> DevnetAccounts.of("test test test test test test test test test test test test"))
                .isInstanceOf(CliFailure.class).hasMessageContaining("not a valid BIP-39 phrase");
    }

    private static byte[] fixedEntropy() {
        byte[] entropy = new byte[16];
        Arrays.fill(entropy, (byte) 7);
        return entropy;
    }
}
