package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.ServiceParams;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.cli.devnet.DevnetAccounts;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hidden owner commands (§5.10), the gas options (§1.3) and the transaction progress lines (§1.6). */
class OwnerAndGasCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private TestChain chain;

    @BeforeEach
    void configure() {
        chain = TestChain.get();
        chain.configure(home);
    }

    /** A new provider with a registered chatbot service its owner has not acknowledged. */
    private Address registeredProvider() {
        Secp256k1Key provider = chain.newWallet(200);
        try (EvmRpc rpc = EvmRpc.connect(chain.profile().rpcUrl())) {
            InferenceServingContract.withSender(TransactionSender.create(rpc, provider), chain.profile().inference())
                    .addOrUpdateService(new ServiceParams("chatbot", "http://127.0.0.1:9", "owner-test-model", "TeeML",
                            BigInteger.valueOf(1_000), BigInteger.valueOf(2_000), "{}", Secp256k1Key.random().address()),
                            Units.og(100));
        }
        return provider.address();
    }

    private boolean acknowledged(Address provider) {
        try (EvmRpc rpc = EvmRpc.connect(chain.profile().rpcUrl())) {
            return InferenceServingContract.readOnly(rpc, chain.profile().inference()).getService(provider)
                    .teeSignerAcknowledged();
        }
    }

    private JsonNode receipt(String txHash) throws Exception {
        return JSON.readTree(chain.devnet().node().rpc("eth_getTransactionReceipt", "[\"" + txHash + "\"]"));
    }

    private static String txHash(CliRun run) {
        return run.out().lines().filter(l -> l.startsWith("tx hash: ")).findFirst().orElseThrow().substring(9);
    }

    @Test
    void theOwnerAcknowledgesAndRevokesAProvidersTeeSigner() {
        Address provider = registeredProvider();
        Map<String, String> owner = TestChain.signingAs(chain.devnet().accounts().key(DevnetAccounts.OWNER));

        CliRun ack = CliRun.of(home, owner, "", "inference", "ack-provider", "--provider", provider.checksummed());

        assertThat(ack.exitCode()).as(ack.err()).isZero();
        assertThat(ack.out()).startsWith("Detected hardhat (chain ID: 31337)\nsending tx with gas price ")
                .containsPattern("\ntx hash: 0x[0-9a-f]{64}\n")
                .endsWith("✓ confirmed (1 transaction)\nProvider acknowledged successfully!\n");
        assertThat(acknowledged(provider)).isTrue();
        assertThat(CliRun.of(home, "inference", "list-providers").out()).contains(provider.checksummed());

        CliRun revoke = CliRun.of(home, owner, "", "inf", "revoke", "--provider", provider.checksummed());

        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("Provider TEE signer acknowledgement revoked successfully!");
        assertThat(acknowledged(provider)).isFalse();
        assertThat(CliRun.of(home, "inference", "list-providers").out()).doesNotContain(provider.checksummed());
    }

    @Test
    void aWalletThatIsNotTheOwnerIsRefusedWithNothingSent() {
        Address provider = registeredProvider();
        Secp256k1Key stranger = chain.newWallet(10);
        Address ownerAddress = chain.devnet().accounts().address(DevnetAccounts.OWNER);

        CliRun run = CliRun.of(home, TestChain.signingAs(stranger), "", "inference", "ack-provider",
                "--provider", provider.checksummed());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("✗ Operation failed: ", "only the owner " + ownerAddress.checksummed(),
                "this wallet is " + stranger.address().checksummed(), "sign with the owner's key");
        assertThat(run.out()).doesNotContain("sending tx");
        assertThat(acknowledged(provider)).isFalse();

        CliRun revoke = CliRun.of(home, TestChain.signingAs(stranger), "", "inference", "revoke",
                "--provider", provider.checksummed());
        assertThat(revoke.exitCode()).isEqualTo(1);
        assertThat(revoke.err()).contains("only the owner " + ownerAddress.checksummed());
    }

    @Test
    void theOwnerCommandsAreHiddenFromHelpButDocumentThemselves() {
        CliRun help = CliRun.of(home, "inference", "--help");
        assertThat(help.out()).contains("acknowledge-provider").doesNotContain("ack-provider ", "revoke ");

        CliRun own = CliRun.of(home, "inference", "ack-provider", "--help");
        assertThat(own.exitCode()).isZero();
        assertThat(own.out()).contains("--provider", "--gas-price", "--rpc", "--inference-ca");
    }

    @Test
    void aFixedGasPriceIsWhatTheTransactionPays() throws Exception {
        Secp256k1Key wallet = chain.newWallet(10);
        BigInteger price = BigInteger.valueOf(7_000_000_000L);

        CliRun run = CliRun.of(home, TestChain.signingAs(wallet), "", "deposit", "--amount", "3",
                "--gas-price", price.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("sending tx with gas price " + price + "\n", "Deposited funds: 3 0G");
        JsonNode receipt = receipt(txHash(run));
        assertThat(new BigInteger(receipt.path("effectiveGasPrice").asText().substring(2), 16)).isEqualTo(price);
        assertThat(receipt.path("type").asText()).isEqualTo("0x0");
    }

    @Test
    void withoutGasOptionsTheNodePricesAnEip1559Transaction() throws Exception {
        Secp256k1Key wallet = chain.newWallet(10);

        CliRun run = CliRun.of(home, TestChain.signingAs(wallet), "", "add-account", "--amount", "3",
                "--max-gas-price", "100000000000", "--step", "12");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Detected hardhat (chain ID: 31337)", "sending tx with gas price ")
                .doesNotContain("Retrying");
        assertThat(receipt(txHash(run)).path("type").asText()).isEqualTo("0x2");
    }

    @Test
    void contradictoryGasOptionsAreOneClearLineBeforeAnythingIsSent() {
        Secp256k1Key wallet = chain.newWallet(10);
        Map<String, String> env = TestChain.signingAs(wallet);

        CliRun stepAlone = CliRun.of(home, env, "", "deposit", "--amount", "3", "--step", "12");
        assertThat(stepAlone.exitCode()).isEqualTo(1);
        assertThat(stepAlone.err()).contains("--step applies only with --max-gas-price");

        CliRun tooSmallStep = CliRun.of(home, env, "", "deposit", "--amount", "3", "--max-gas-price", "9", "--step", "10");
        assertThat(tooSmallStep.err()).contains("--step must be a whole number from 11 to 1000");

        CliRun priceAboveMax = CliRun.of(home, env, "", "deposit", "--amount", "3", "--gas-price", "20",
                "--max-gas-price", "10");
        assertThat(priceAboveMax.exitCode()).isEqualTo(1);
        assertThat(priceAboveMax.err()).contains("invalid gas options", "above the maximum gas price");
        assertThat(chain.balance(wallet)).isEqualTo(Units.og(10));
    }

    @Test
    void theGasOptionsAreDocumentedOnTransactionCommands() {
        CliRun help = CliRun.of(home, "deposit", "--help");

        assertThat(help.out()).contains("--gas-price=<price>", "--max-gas-price=<price>", "--step=<step>",
                "neuron (wei)");
    }

    @Test
    void jsonOutputStaysCleanAndTheNetworkLineGoesToStderr() throws Exception {
        Secp256k1Key wallet = chain.newWallet(10);
        Map<String, String> env = TestChain.signingAs(wallet);
        assertThat(CliRun.of(home, env, "", "add-account", "--amount", "3").exitCode()).isZero();

        CliRun json = CliRun.of(home, env, "", "get-account", "--json");

        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(JSON.readTree(json.out()).isObject()).isTrue();
        assertThat(json.out()).doesNotContain("Detected");
        assertThat(json.err()).contains("Detected hardhat (chain ID: 31337)");
        assertThat(CliRun.of(home, env, "", "get-account").out()).startsWith("Detected hardhat (chain ID: 31337)\n");
    }
}
