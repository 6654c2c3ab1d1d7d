package ai.zerog.compute.cli;

import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.cli.devnet.DevnetSummary;
import ai.zerog.compute.cli.devnet.LocalDevnet;
import ai.zerog.compute.cli.devnet.TestDevnet;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;

/**
 * The CLI tests' view of the shared test devnet ({@link TestDevnet}: one anvil with our contracts
 * and three dev providers per JVM). Tests use fresh funded wallets, never assume an empty chain,
 * and point the CLI at the chain with a saved config ({@link #configure}) or {@code --rpc}.
 */
final class TestChain {
    private static TestChain instance;

    private final LocalDevnet devnet;

    private TestChain(LocalDevnet devnet) {
        this.devnet = devnet;
    }

    static synchronized TestChain get() {
        if (instance == null) {
            instance = new TestChain(TestDevnet.shared());
        }
        return instance;
    }

    NetworkProfile profile() {
        return devnet.network();
    }

    String rpc() {
        return profile().rpcUrl().toString();
    }

    /** The dev provider selling {@code serviceType} (chatbot, text-to-image, speech-to-text). */
    DevnetSummary.Provider provider(String serviceType) {
        return devnet.provider(serviceType);
    }

    Address chatbot() {
        return provider("chatbot").address();
    }

    /** A new wallet holding {@code og} 0G. */
    Secp256k1Key newWallet(long og) {
        Secp256k1Key key = Secp256k1Key.random();
        devnet.node().setBalance(key.address().checksummed(), Units.og(og));
        return key;
    }

    BigInteger balance(Secp256k1Key key) {
        return devnet.node().balance(key.address().checksummed());
    }

    LocalDevnet devnet() {
        return devnet;
    }

    /** Saves a config in {@code home} that points at this chain, as {@code setup-network --rpc} would. */
    void configure(Path home) {
        CliEnvironment environment = TestEnvironments.of(home, Map.of(), "");
        CliConfig.load(environment).withNetwork("devnet", rpc())
                .withContracts(profile().chainId(), profile().ledger(), profile().inference()).save(environment);
    }

    /** The variables that make a run sign with {@code key} ({@code ZG_PRIVATE_KEY}). */
    static Map<String, String> signingAs(Secp256k1Key key) {
        return Map.of("ZG_PRIVATE_KEY", String.format("0x%064x", key.privateKey()));
    }
}
