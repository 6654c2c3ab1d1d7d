package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The account commands against the shared test devnet, each with a fresh wallet. */
class AccountCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private TestChain chain;
    private Secp256k1Key wallet;
    private Map<String, String> env;

    @BeforeEach
    void freshWallet() {
        chain = TestChain.get();
        chain.configure(home);
        wallet = chain.newWallet(100);
        env = TestChain.signingAs(wallet);
    }

    private CliRun run(String... args) {
        return CliRun.of(home, env, "", args);
    }

    @Test
    void getAccountWithoutALedgerSaysToCreateOne() {
        CliRun run = run("get-account");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("✗ Operation failed: Account does not exist. Please create an account first"
                + " using \"add-account\".").contains("Run: 0g-compute-cli add-account --amount 3");
        assertThat(run.out()).isEqualTo("Detected hardhat (chain ID: 31337)\n");
    }

    @Test
    void addAccountCreatesTheLedgerAndShowsIt() {
        CliRun run = run("add-account", "--amount", "5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Adding account...", "Account Created!", "Overview",
                "│ Total                                            │ 5.000000000000000000");
        assertThat(run.out()).contains("sending tx with gas price ", "tx hash: 0x", "✓ confirmed (1 transaction)");

        CliRun again = run("add-account", "--amount", "5");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("a ledger already exists").contains("deposit");
    }

    @Test
    void depositCreatesOrTopsUpAndGetAccountShowsTablesAndJson() throws Exception {
        assertThat(run("deposit", "--amount", "10").out()).contains("Depositing...", "Deposited funds: 10 0G");
        assertThat(run("deposit", "--amount", "0.5").exitCode()).isZero();

        CliRun table = run("get-account");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out())
                .contains("  Overview\n┌──────")
                .contains("│ Balance                                          │ Value (0G)")
                .contains("│ Total                                            │ 10.500000000000000000")
                .contains("│ Locked (transferred to sub-accounts)             │ 0.000000000000000000")
                .contains("│ Available for transfer to sub-accounts           │ 10.500000000000000000")
                .contains("get-sub-account --provider <provider_address> --service inference")
                .doesNotContain("Inference sub-accounts");

        JsonNode json = JSON.readTree(run("get-account", "--json").out());
        assertThat(json.path("address").asText()).isEqualTo(wallet.address().checksummed());
        assertThat(json.path("total").asText()).isEqualTo("10.5");
        assertThat(json.path("available").asText()).isEqualTo("10.5");
        assertThat(json.path("subAccounts")).isEmpty();
    }

    @Test
    void aNewLedgerNeedsTheMinimumAndAmountsAreChecked() {
        CliRun tooSmall = run("deposit", "--amount", "1");
        assertThat(tooSmall.exitCode()).isEqualTo(1);
        assertThat(tooSmall.err()).contains("a new ledger needs at least 3 0G");

        CliRun notANumber = run("deposit", "--amount", "ten");
        assertThat(notANumber.exitCode()).isEqualTo(1);
        assertThat(notANumber.err()).contains("invalid --amount 'ten'");

        CliRun missing = run("deposit");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("error: required option '--amount <0G>' not specified");

        CliRun tooMuch = run("deposit", "--amount", "1000");
        assertThat(tooMuch.exitCode()).isEqualTo(1);
        assertThat(tooMuch.err()).contains("holds 100 0G").contains("Send 0G to " + wallet.address().checksummed());
    }

    @Test
    void refundSendsMoneyBackToTheWallet() {
        run("deposit", "--amount", "10");
        BigInteger before = chain.balance(wallet);

        CliRun run = run("refund", "-a", "4");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Refunding...", "Refunded amount: 4 0G");
        assertThat(chain.balance(wallet).subtract(before)).isGreaterThan(Units.og(3));
        assertThat(run("refund", "--amount", "100").err()).contains("needs 100 0G from the ledger but it has only 6 0G");
    }

    @Test
    void transferFundFillsASubAccountThatGetSubAccountShows() throws Exception {
        Address provider = chain.chatbot();
        run("deposit", "--amount", "10");

        CliRun transfer = run("transfer-fund", "--provider", provider.checksummed(), "--amount", "2");

        assertThat(transfer.exitCode()).as(transfer.err()).isZero();
        assertThat(transfer.out()).contains("Transferring 2 0G to " + provider.checksummed() + " for inference...",
                "Successfully transferred 2 0G to " + provider.checksummed());
        CliRun account = run("get-account");
        assertThat(account.out()).contains("  Inference sub-accounts", "Requested Return to Main Account (0G)",
                "│ " + provider.checksummed(), "2.000000000000000000");
        CliRun sub = run("get-sub-account", "--provider", provider.checksummed());
        assertThat(sub.exitCode()).isZero();
        assertThat(sub.out()).contains("Inference Sub-Account Overview", "│ Service Type", "Inference",
                "│ Balance (0G)                                     │ 2.000000000000000000",
                "No pending refunds found.", "retrieve-fund --service inference");
        JsonNode json = JSON.readTree(run("get-sub-account", "--provider", provider.checksummed(), "--json").out());
        assertThat(json.path("balance").asText()).isEqualTo("2");
        assertThat(json.path("acknowledged").asBoolean()).isTrue();
    }

    @Test
    void retrieveFundQueuesRefundsWithTheirLockTime() throws Exception {
        Address provider = chain.chatbot();
        run("deposit", "--amount", "10");
        run("transfer-fund", "--provider", provider.checksummed(), "--amount", "1");

        CliRun retrieve = run("retrieve-fund", "--provider", provider.checksummed());

        assertThat(retrieve.exitCode()).as(retrieve.err()).isZero();
        assertThat(retrieve.out()).contains("Retrieving funds from inference sub account for provider "
                + provider.checksummed(), "Funds retrieved from inference sub account for provider");
        CliRun sub = run("get-sub-account", "--provider", provider.checksummed());
        assertThat(sub.out()).contains("Details of Each Amount Applied for Return to Main Account",
                "Remaining Locked Time", "1.000000000000000000").containsPattern("\\d+h \\d+min \\d+s");
    }

    @Test
    void retrieveFundWithoutAProviderAndNobodyToAnswerRetrievesNothing() {
        Address chatbot = chain.chatbot();
        Address images = chain.provider("text-to-image").address();
        run("deposit", "--amount", "10");
        run("transfer-fund", "--provider", chatbot.checksummed(), "--amount", "1");
        run("transfer-fund", "--provider", images.checksummed(), "--amount", "1");

        CliRun run = run("retrieve-fund");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot ask \"Select provider to retrieve funds from (inference):\": no terminal",
                "Run: 0g-compute-cli retrieve-fund --provider <address>", chatbot.checksummed(), images.checksummed(),
                "only in the interactive menu, after a confirmation");
        assertThat(run.out()).doesNotContain("Retrieving");
        assertThat(run("get-sub-account", "--provider", chatbot.checksummed()).out()).contains("No pending refunds found.");
        assertThat(run("get-sub-account", "--provider", images.checksummed()).out()).contains("No pending refunds found.");
    }

    @Test
    void retrieveFundFromAllProvidersNeedsAConfirmation() {
        Address chatbot = chain.chatbot();
        run("deposit", "--amount", "10");
        run("transfer-fund", "--provider", chatbot.checksummed(), "--amount", "1");

        CliRun declined = CliRun.of(home, env, "1\n\n", "retrieve-fund");

        assertThat(declined.exitCode()).as(declined.err()).isZero();
        assertThat(declined.err()).contains("Select provider to retrieve funds from (inference):", "1) All providers",
                "2) " + chatbot.checksummed() + " (Balance: 1.000000 0G, Pending refund: 0.000000 0G)",
                "Retrieve from all 1 provider sub-account(s)?", "(y/N)");
        assertThat(declined.out()).contains("Retrieval cancelled.").doesNotContain("Retrieving");
        assertThat(run("get-sub-account", "--provider", chatbot.checksummed()).out()).contains("No pending refunds found.");

        CliRun confirmed = CliRun.of(home, env, "1\ny\n", "retrieve-fund");

        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("Retrieving funds from all inference sub accounts...",
                "Funds retrieved from all inference sub accounts");
        assertThat(run("get-sub-account", "--provider", chatbot.checksummed()).out())
                .contains("Details of Each Amount Applied for Return to Main Account");
    }

    @Test
    void retrieveFundFromOneProviderPickedInTheMenu() {
        Address chatbot = chain.chatbot();
        run("deposit", "--amount", "10");
        run("transfer-fund", "--provider", chatbot.checksummed(), "--amount", "1");

        CliRun picked = CliRun.of(home, env, "2\n", "retrieve-fund");

        assertThat(picked.exitCode()).as(picked.err()).isZero();
        assertThat(picked.err()).doesNotContain("Retrieve from all");
        assertThat(picked.out()).contains("Funds retrieved from inference sub account for provider " + chatbot.checksummed());
    }

    @Test
    void retrieveFundWithNothingToRetrieveSaysSo() {
        run("deposit", "--amount", "5");

        CliRun run = run("retrieve-fund");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No providers with balance found for inference.");
    }

    @Test
    void subAccountMistakesSayWhatToRun() {
        run("deposit", "--amount", "5");
        Address stranger = Secp256k1Key.random().address();

        CliRun none = run("get-sub-account", "--provider", stranger.checksummed());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("Sub-account not found").contains("transfer-fund --provider " + stranger.checksummed());

        CliRun unknown = run("transfer-fund", "--provider", stranger.checksummed(), "--amount", "1");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("has no inference service");

        CliRun fineTuning = run("transfer-fund", "--provider", stranger.checksummed(), "--amount", "1", "--service",
                "fine-tuning");
        assertThat(fineTuning.err()).contains("fine-tuning sub-accounts are not supported");

        CliRun badAddress = run("get-sub-account", "--provider", "0x123");
        assertThat(badAddress.exitCode()).isEqualTo(1);
        assertThat(badAddress.err()).contains("'0x123' is not an address");
    }

    @Test
    void withoutAKeyAccountCommandsSayToLogIn() {
        CliRun run = CliRun.of(home, Map.of(), "", "get-account");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("✗ Operation failed: Not logged in").contains("0g-compute-cli login");
    }
}
