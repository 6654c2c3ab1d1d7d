package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.sdk.Keystore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliBrokersTest {
    private static final Address OTHER = Address.of("0x1111111111111111111111111111111111111111");

    @TempDir
    Path home;

    private CliEnvironment environment(Map<String, String> env, String stdin) {
        return TestEnvironments.of(home, env, stdin);
    }

    private static NetworkOptions none() {
        return NetworkOptions.of(Optional.empty(), Optional.empty(), Optional.empty());
    }

    // ---- RPC ----

    @Test
    void theRpcOptionBeatsVariablesWhichBeatTheConfig() {
        CliConfig config = CliConfig.empty().withNetwork("testnet", "https://evmrpc-testnet.0g.ai");
        Map<String, String> both = Map.of("ZG_RPC_ENDPOINT", "http://zg:1", "RPC_ENDPOINT", "http://plain:2");

        assertThat(CliBrokers.rpc(environment(both, ""), NetworkOptions.of(Optional.of("http://flag:3"),
                Optional.empty(), Optional.empty()), config)).isEqualTo(new CliBrokers.Rpc("http://flag:3", "--rpc"));
        assertThat(CliBrokers.rpc(environment(both, ""), none(), config))
                .isEqualTo(new CliBrokers.Rpc("http://zg:1", "ZG_RPC_ENDPOINT"));
        assertThat(CliBrokers.rpc(environment(Map.of("RPC_ENDPOINT", "http://plain:2"), ""), none(), config))
                .isEqualTo(new CliBrokers.Rpc("http://plain:2", "RPC_ENDPOINT"));
        assertThat(CliBrokers.rpc(environment(Map.of(), ""), none(), config))
                .isEqualTo(new CliBrokers.Rpc("https://evmrpc-testnet.0g.ai", "config"));
    }

    @Test
    void withoutAnRpcAndWithoutATerminalItSaysHowToChooseOne() {
        assertThatThrownBy(() -> CliBrokers.rpc(environment(Map.of(), ""), none(), CliConfig.empty()))
                .isInstanceOf(CliFailure.class)
                .hasMessage("No RPC endpoint configured")
                .satisfies(e -> assertThat(((CliFailure) e).nextStep()).contains("setup-network --network"));
    }

    @Test
    void withoutAnRpcAPersonChoosesFromTheMenuAndTheChoiceIsSaved() {
        CliEnvironment environment = environment(Map.of(), "2\n");

        assertThat(CliBrokers.rpc(environment, none(), CliConfig.empty()).url()).isEqualTo("https://evmrpc-testnet.0g.ai");
        assertThat(CliConfig.load(environment).network()).contains("testnet");
    }

    @Test
    void anUnreachableRpcIsOneLineWithWhatToRun() {
        NetworkOptions dead = NetworkOptions.of(Optional.of("http://127.0.0.1:9"), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> CliBrokers.network(environment(Map.of(), ""), dead))
                .isInstanceOf(CliFailure.class)
                .hasMessageStartingWith("cannot reach the RPC endpoint http://127.0.0.1:9")
                .satisfies(e -> assertThat(((CliFailure) e).nextStep()).contains("show-network"));
    }

    @Test
    void aMalformedRpcIsRefusedBeforeAnyConnection() {
        NetworkOptions bad = NetworkOptions.of(Optional.of("ftp://x"), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> CliBrokers.network(environment(Map.of(), ""), bad))
                .isInstanceOf(CliFailure.class).hasMessageContaining("invalid RPC URL 'ftp://x'");
    }

    // ---- contracts ----

    @Test
    void contractsComeFromTheChainIdUnlessOverridden() {
        TestChain chain = TestChain.get();
        NetworkOptions rpcOnly = NetworkOptions.of(Optional.of(chain.rpc()), Optional.empty(), Optional.empty());

        ResolvedNetwork byChainId = CliBrokers.network(environment(Map.of(), ""), rpcOnly);
        assertThat(byChainId.chainId()).isEqualTo(31337);
        assertThat(byChainId.profile().ledger()).isEqualTo(NetworkProfile.DEVNET.ledger());
        assertThat(byChainId.rpcSource()).isEqualTo("--rpc");

        ResolvedNetwork byVariable = CliBrokers.network(environment(Map.of("LEDGER_CA", OTHER.hex()), ""), rpcOnly);
        assertThat(byVariable.profile().ledger()).isEqualTo(OTHER);
        assertThat(byVariable.profile().inference()).isEqualTo(NetworkProfile.DEVNET.inference());

        Address flag = Address.of("0x2222222222222222222222222222222222222222");
        ResolvedNetwork byOption = CliBrokers.network(environment(Map.of("LEDGER_CA", OTHER.hex()), ""),
                NetworkOptions.of(Optional.of(chain.rpc()), Optional.of(flag), Optional.of(flag)));
        assertThat(byOption.profile().ledger()).isEqualTo(flag);
        assertThat(byOption.profile().inference()).isEqualTo(flag);
    }

    @Test
    void savedContractsApplyOnlyOnTheChainTheyWereSavedFor() {
        TestChain chain = TestChain.get();
        CliEnvironment environment = environment(Map.of(), "");
        CliConfig.empty().withNetwork("devnet", chain.rpc()).withContracts(16602, OTHER, OTHER).save(environment);
        assertThat(CliBrokers.network(environment, none()).profile().ledger()).isEqualTo(NetworkProfile.DEVNET.ledger());

        CliConfig.empty().withNetwork("devnet", chain.rpc()).withContracts(31337, OTHER, OTHER).save(environment);
        assertThat(CliBrokers.network(environment, none()).profile().ledger()).isEqualTo(OTHER);
    }

    // ---- identity ----

    @Test
    void theKeyVariableBeatsTheSavedKeystore() {
        Secp256k1Key fromVariable = Secp256k1Key.random();
        CliConfig config = CliConfig.empty().withKeystore(Path.of("missing.json"), OTHER);

        CliIdentity identity = CliIdentity.resolve(environment(TestChain.signingAs(fromVariable), ""), config, 31337,
                Prompter.of(environment(Map.of(), "")));

        assertThat(identity.address()).isEqualTo(fromVariable.address());
        assertThat(identity.source()).isEqualTo("ZG_PRIVATE_KEY");
        assertThat(identity.toString()).doesNotContain(String.format("%064x", fromVariable.privateKey()));
    }

    @Test
    void aBadKeyVariableIsRefusedWithoutEchoingIt() {
        CliEnvironment environment = environment(Map.of("ZG_PRIVATE_KEY", "0xdeadbeefsecret"), "");

        assertThatThrownBy(() -> CliIdentity.resolve(environment, CliConfig.empty(), 1, Prompter.of(environment)))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("ZG_PRIVATE_KEY is not a valid private key")
                .hasMessageNotContaining("deadbeef");
    }

    @Test
    void aKeystoreIsUnlockedWithThePasswordVariableOrATypedPassword() {
        Secp256k1Key key = Secp256k1Key.random();
        Path keystore = home.resolve(".0g-compute-cli/keystore.json");
        Keystore.write(key, "pw".toCharArray(), keystore, Keystore.Strength.LIGHT);
        CliConfig config = CliConfig.empty().withKeystore(keystore, key.address());

        CliEnvironment scripted = environment(Map.of("ZG_KEYSTORE_PASSWORD", "pw"), "");
        assertThat(CliIdentity.resolve(scripted, config, 1, Prompter.of(scripted)).address()).isEqualTo(key.address());

        CliEnvironment typed = environment(Map.of(), "pw\n");
        assertThat(CliIdentity.resolve(typed, config, 1, Prompter.of(typed)).source()).isEqualTo("keystore " + keystore);

        CliEnvironment wrong = environment(Map.of("ZG_KEYSTORE_PASSWORD", "nope"), "");
        assertThatThrownBy(() -> CliIdentity.resolve(wrong, config, 1, Prompter.of(wrong)))
                .isInstanceOf(CliFailure.class).hasMessageContaining("wrong password");

        CliEnvironment nobody = environment(Map.of(), "");
        assertThatThrownBy(() -> CliIdentity.resolve(nobody, config, 1, Prompter.of(nobody)))
                .isInstanceOf(CliFailure.class)
                .satisfies(e -> assertThat(((CliFailure) e).nextStep()).contains("ZG_KEYSTORE_PASSWORD"));
    }

    @Test
    void aDevnetAccountSignsOnlyOnTheDevnet() {
        CliConfig config = CliConfig.empty().withDevnet("http://127.0.0.1:8545", NetworkProfile.DEVNET.ledger(),
                NetworkProfile.DEVNET.inference(), 1);
        CliEnvironment environment = environment(Map.of(), "");

        CliIdentity onDevnet = CliIdentity.resolve(environment, config, 31337, Prompter.of(environment));
        assertThat(onDevnet.key()).isEqualTo(Secp256k1Key.fromHex(AnvilNode.defaultPrivateKeys().get(1)));
        assertThat(onDevnet.source()).isEqualTo("devnet account #1");

        assertThatThrownBy(() -> CliIdentity.resolve(environment, config, 16602, Prompter.of(environment)))
                .isInstanceOf(CliFailure.class).hasMessageContaining("chain 16602");
    }

    @Test
    void withoutAnyKeyItSaysToLogIn() {
        CliEnvironment environment = environment(Map.of(), "");

        assertThatThrownBy(() -> CliIdentity.resolve(environment, CliConfig.empty(), 1, Prompter.of(environment)))
                .isInstanceOf(CliFailure.class)
                .hasMessageStartingWith("Not logged in")
                .satisfies(e -> assertThat(((CliFailure) e).nextStep()).contains("0g-compute-cli login"));
    }

    // ---- brokers ----

    @Test
    void aSessionSignsWithTheResolvedWalletOnTheResolvedNetwork() {
        TestChain chain = TestChain.get();
        chain.configure(home);
        Secp256k1Key wallet = chain.newWallet(1);
        Map<String, String> env = new HashMap<>(TestChain.signingAs(wallet));

        try (CliSession session = CliBrokers.session(environment(env, ""), none())) {
            assertThat(session.address()).isEqualTo(wallet.address());
            assertThat(session.network().profile().ledger()).isEqualTo(chain.profile().ledger());
            assertThat(session.broker().ledger().ledgerIfExists()).isEmpty();
            assertThat(session.transactionsSent()).isZero();
        }
        try (CliSession readOnly = CliBrokers.readOnly(environment(Map.of(), ""), none())) {
            assertThat(readOnly.broker().inference().listServices(true)).isNotNull();
        }
    }
}
