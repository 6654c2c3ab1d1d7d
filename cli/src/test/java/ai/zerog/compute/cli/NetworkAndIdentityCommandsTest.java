package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.sdk.Keystore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** setup-network, show-network, login, logout, status and completion, in-process. */
class NetworkAndIdentityCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private CliEnvironment environment() {
        return TestEnvironments.of(home, Map.of(), "");
    }

    /** A saved login as {@code login} leaves it, with a fast (LIGHT) keystore. */
    private Secp256k1Key loggedIn() {
        Secp256k1Key key = Secp256k1Key.random();
        Path keystore = CliConfig.defaultKeystore(environment());
        Keystore.write(key, "pw".toCharArray(), keystore, Keystore.Strength.LIGHT);
        CliConfig.load(environment()).withKeystore(keystore, key.address()).save(environment());
        return key;
    }

    // ---- setup-network / show-network ----

    @Test
    void setupNetworkByFlagSavesTheNetworkAndKeepsTheKey() {
        Secp256k1Key key = loggedIn();

        CliRun run = CliRun.of(home, "setup-network", "--network", "testnet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("✓ RPC endpoint configured: https://evmrpc-testnet.0g.ai",
                "✓ Network configuration completed!", "Selected RPC: https://evmrpc-testnet.0g.ai");
        CliConfig config = CliConfig.load(environment());
        assertThat(config.network()).contains("testnet");
        assertThat(config.address()).contains(key.address());
        assertThat(CliConfig.defaultKeystore(environment())).exists();
        assertThat(CliRun.of(home, "status").out()).contains("✓ Logged in");
    }

    @Test
    void setupNetworkFromTheMenuAcceptsACustomRpc() {
        CliRun run = CliRun.of(home, Map.of(), "4\n\nnot a url\nhttp://127.0.0.1:9545\n", "setup-network");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Please select a network to use as default:", "Custom RPC endpoint cannot be empty",
                "Invalid URL format. Please enter a valid URL.");
        assertThat(CliConfig.load(environment()).rpcEndpoint()).contains("http://127.0.0.1:9545");
        assertThat(CliConfig.load(environment()).network()).contains("custom");
    }

    @Test
    void setupNetworkWithoutATerminalOrFlagsSaysWhichFlagsToPass() {
        CliRun run = CliRun.of(home, "setup-network");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no terminal to answer it").contains("setup-network --network testnet|mainnet|devnet");
    }

    @Test
    void setupNetworkRefusesUnknownNetworks() {
        CliRun run = CliRun.of(home, "setup-network", "--network", "moon");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("unknown network 'moon'");
    }

    @Test
    void showNetworkNamesTheSource() throws Exception {
        assertThat(CliRun.of(home, "show-network").out()).contains("⚠ No RPC endpoint configured",
                "Run: 0g-compute-cli setup-network");

        CliRun.of(home, "setup-network", "--network", "mainnet");
        assertThat(CliRun.of(home, "show-network").out()).contains("✓ RPC Endpoint (Config): https://evmrpc.0g.ai",
                "✓ Network: Mainnet", "Last updated:");

        CliRun fromVariable = CliRun.of(home, Map.of("ZG_RPC_ENDPOINT", "https://evmrpc-testnet.0g.ai"), "", "show-network");
        assertThat(fromVariable.out()).contains("✓ RPC Endpoint (Environment): https://evmrpc-testnet.0g.ai",
                "✓ Network: Testnet");

        JsonNode json = JSON.readTree(CliRun.of(home, "show-network", "--json").out());
        assertThat(json.path("rpc").asText()).isEqualTo("https://evmrpc.0g.ai");
        assertThat(json.path("source").asText()).isEqualTo("config");
    }

    // ---- login / status / logout ----

    @Test
    void loginWhenAlreadyLoggedInChangesNothing() {
        Secp256k1Key key = loggedIn();

        CliRun run = CliRun.of(home, "login");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("⚠ Already logged in", "Current wallet address: " + key.address().checksummed(),
                "login --force");
    }

    @Test
    void loginRefusesBadKeysAndMismatchedPasswordsBeforeWritingAnything() {
        CliRun badKeys = CliRun.of(home, Map.of(), "nope\n123\nzz\n", "login");
        assertThat(badKeys.exitCode()).isEqualTo(1);
        assertThat(badKeys.err()).contains("Invalid private key format").doesNotContain("nope");

        String key = String.format("%064x", Secp256k1Key.random().privateKey());
        CliRun mismatch = CliRun.of(home, Map.of(), key + "\ny\none\ntwo\n", "login");
        assertThat(mismatch.exitCode()).isEqualTo(1);
        assertThat(mismatch.err()).contains("the passwords do not match");
        assertThat(mismatch.out() + mismatch.err()).doesNotContain(key);
        assertThat(CliConfig.defaultKeystore(environment())).doesNotExist();

        CliRun declined = CliRun.of(home, Map.of(), key + "\nn\n", "login");
        assertThat(declined.out()).contains("Login cancelled.");
    }

    @Test
    void loginWithoutATerminalReadsKeyAndPasswordsFromStdin() {
        String key = String.format("%064x", Secp256k1Key.random().privateKey());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        CliEnvironment piped = new CliEnvironment(new java.io.PrintStream(out, true), new java.io.PrintStream(err, true),
                new java.io.ByteArrayInputStream((key + "\nfirst\nsecond\n").getBytes()), Map.of("NO_COLOR", "1"), home,
                false);

        int code = ZgComputeCli.run(piped, "login");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("Wallet address: " + Secp256k1Key.fromHex(key).address().checksummed());
        assertThat(err.toString()).contains("the passwords do not match").doesNotContain(key);
    }

    @Test
    void loginWithoutATerminalNamesTheScriptVariables() {
        CliRun run = CliRun.of(home, "login");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("ZG_PRIVATE_KEY and ZG_KEYSTORE_PASSWORD");
    }

    @Test
    void statusShowsWhereTheKeyComesFrom() throws Exception {
        assertThat(CliRun.of(home, "status").out()).contains("👤 Login Status", "⚠ Not logged in",
                "Use \"0g-compute-cli login\" to authenticate");

        Secp256k1Key key = loggedIn();
        CliRun saved = CliRun.of(home, "status");
        assertThat(saved.out()).contains("✓ Logged in (encrypted keystore ", "Wallet address: " + key.address().checksummed());
        assertThat(SecureFiles.mode(CliConfig.defaultKeystore(environment()))).isEqualTo("rw-------");

        Secp256k1Key other = Secp256k1Key.random();
        JsonNode json = JSON.readTree(CliRun.of(home, TestChain.signingAs(other), "", "status", "--json").out());
        assertThat(json.path("source").asText()).isEqualTo("ZG_PRIVATE_KEY");
        assertThat(json.path("address").asText()).isEqualTo(other.address().checksummed());

        Files.delete(CliConfig.defaultKeystore(environment()));
        assertThat(CliRun.of(home, "status").out()).contains("✗ Keystore file missing", "login --force");

        CliConfig.empty().withDevnet("http://127.0.0.1:8545", NetworkProfile.DEVNET.ledger(),
                NetworkProfile.DEVNET.inference(), 1).save(environment());
        assertThat(CliRun.of(home, "status").out()).contains("devnet account #1",
                "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    }

    @Test
    void logoutDeletesTheKeystoreAfterConfirmation() {
        loggedIn();
        CliRun.of(home, "setup-network", "--network", "testnet");

        CliRun declined = CliRun.of(home, Map.of(), "\n", "logout");
        assertThat(declined.out()).contains("Logout cancelled.");
        assertThat(CliConfig.defaultKeystore(environment())).exists();

        CliRun noTerminal = CliRun.of(home, "logout");
        assertThat(noTerminal.exitCode()).isEqualTo(1);
        assertThat(noTerminal.err()).contains("logout --yes");

        CliRun confirmed = CliRun.of(home, Map.of(), "y\n", "logout");
        assertThat(confirmed.out()).contains("✓ Successfully logged out");
        assertThat(CliConfig.defaultKeystore(environment())).doesNotExist();
        assertThat(CliConfig.load(environment()).network()).contains("testnet");
        assertThat(CliRun.of(home, "logout").out()).contains("⚠ Not currently logged in");
    }

    @Test
    void logoutYesNeedsNoTerminal() {
        loggedIn();

        CliRun run = CliRun.of(home, "logout", "--yes");

        assertThat(run.exitCode()).isZero();
        assertThat(CliConfig.load(environment()).keystore()).isEmpty();
    }

    // ---- completion ----

    @Test
    void completionScriptsCoverTheCommandTree() {
        CliRun bash = CliRun.of(home, "completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).contains("get-account", "transfer-fund", "list-providers", "--provider");

        CliRun zsh = CliRun.of(home, "completion", "zsh");
        assertThat(zsh.out()).startsWith("#compdef 0g-compute-cli").contains("bashcompinit");

        CliRun fish = CliRun.of(home, "completion", "fish");
        assertThat(fish.exitCode()).isEqualTo(1);
        assertThat(fish.err()).contains("Unsupported shell: fish");

        assertThat(CliRun.of(home, "completion").err()).contains("error: missing required argument 'shell'");
    }
}
