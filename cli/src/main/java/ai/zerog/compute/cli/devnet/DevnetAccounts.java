package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.AnvilOptions;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

/**
 * The devnet's accounts: BIP-44 keys {@code m/44'/60'/0'/0/i} of one mnemonic, as anvil derives
 * them (anvil's well-known test mnemonic unless another is given). Roles by index:
 * {@value #OWNER} deploys and owns the contracts, {@value #USER} is the dev wallet, and the dev
 * providers follow from {@value #FIRST_PROVIDER}. The mnemonic is a secret: never in toString.
 */
public final class DevnetAccounts {
    public static final int OWNER = 0;
    public static final int USER = 1;
    public static final int FIRST_PROVIDER = 2;
    /** How many accounts anvil funds: the roles above plus spares for tests and scripts. */
    public static final int COUNT = 10;

    private static final int HARDENED = 0x8000_0000;

    private final String mnemonic;
    private final List<Secp256k1Key> keys;

    private DevnetAccounts(String mnemonic, List<Secp256k1Key> keys) {
        this.mnemonic = mnemonic;
        this.keys = keys;
    }

    /** Anvil's default accounts (the published test mnemonic): scripts know these keys. */
    public static DevnetAccounts defaults() {
        return new DevnetAccounts(AnvilOptions.DEFAULT_MNEMONIC,
                AnvilNode.defaultPrivateKeys().stream().map(Secp256k1Key::fromHex).toList());
    }

    /** The accounts of {@code mnemonic} (a BIP-39 phrase); a phrase with a bad checksum is refused. */
    public static DevnetAccounts of(String mnemonic) {
        String phrase = String.join(" ", mnemonic.strip().toLowerCase(Locale.ROOT).split("\\s+"));
        if (phrase.equals(AnvilOptions.DEFAULT_MNEMONIC)) {
            return defaults();
        }
        if (!MnemonicUtils.validateMnemonic(phrase)) {
            throw new CliFailure("the mnemonic is not a valid BIP-39 phrase (unknown word or bad checksum)",
                    "Pass 12 or 24 words from the BIP-39 English list, or leave out --mnemonic for anvil's dev accounts");
        }
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(phrase, ""));
        return new DevnetAccounts(phrase, IntStream.range(0, COUNT).mapToObj(i -> derive(master, i)).toList());
    }

    static Secp256k1Key derive(Bip32ECKeyPair master, int index) {
        int[] path = {44 | HARDENED, 60 | HARDENED, HARDENED, 0, index};
        Bip32ECKeyPair child = Bip32ECKeyPair.deriveKeyPair(master, path);
        return Secp256k1Key.fromHex(String.format("0x%064x", child.getPrivateKey()));
    }

    public String mnemonic() {
        return mnemonic;
    }

    public boolean isDefault() {
        return mnemonic.equals(AnvilOptions.DEFAULT_MNEMONIC);
    }

    public Secp256k1Key key(int index) {
        if (index < 0 || index >= keys.size()) {
            throw new CliFailure("devnet account index must be 0.." + (keys.size() - 1) + ", got " + index,
                    "Use account " + USER + ", the dev wallet");
        }
        return keys.get(index);
    }

    public Address address(int index) {
        return key(index).address();
    }

    @Override
    public String toString() {
        return "DevnetAccounts[" + (isDefault() ? "anvil's default mnemonic" : "custom mnemonic") + ", " + keys.size()
                + " accounts]";
    }
}
