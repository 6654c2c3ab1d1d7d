package ai.zerog.compute.cli.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.LedgerDetail;
import ai.zerog.compute.sdk.ResponseVerification;
import ai.zerog.compute.sdk.ZgComputeBroker;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDevnetTest {
    private static LocalDevnet devnet;
    private static ZgComputeBroker wallet;

    @BeforeAll
    static void start() {
        devnet = TestDevnet.shared();
        wallet = ZgComputeBroker.create(devnet.userKey(), devnet.network());
    }

    @AfterAll
    static void closeWallet() {
        wallet.close();
    }

    @Test
    void summaryNamesTheOfficialContractsThreeProvidersAndTheDevWallet() {
        DevnetSummary summary = devnet.summary();

        assertThat(summary.chainId()).isEqualTo(31337);
        assertThat(summary.ledger()).isEqualTo(NetworkProfile.DEVNET.ledger());
        assertThat(summary.inference()).isEqualTo(NetworkProfile.DEVNET.inference());
        assertThat(summary.providers()).extracting(DevnetSummary.Provider::serviceType)
                .containsExactly("chatbot", "text-to-image", "speech-to-text");
        assertThat(summary.provider("chatbot").orElseThrow().model()).isEqualTo("dev-model");
        assertThat(summary.user().address().checksummed()).isEqualTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        assertThat(summary.user().accountIndex()).isEqualTo(1);
        assertThat(wallet.inference().listServices()).extracting(s -> s.provider())
                .containsAll(summary.providers().stream().map(DevnetSummary.Provider::address).toList());
    }

    @Test
    void summaryJsonRoundTripsAndHoldsNoKey() {
        DevnetSummary summary = devnet.summary();

        assertThat(DevnetSummary.fromJson(summary.toJson())).isEqualTo(summary);
        assertThat(summary.toJsonText()).contains("\"rpc\"", "\"chainId\" : 31337", "\"serviceType\" : \"speech-to-text\"",
                "\"accountIndex\" : 1").doesNotContainIgnoringCase(devnet.userKey().privateKey().toString(16));
    }

    @Test
    void chatbotAnswerIsSignedByItsTeeSigner() {
        VerifiedChat chat = devnet.verifiedChat("Hello, 0G devnet!");

        assertThat(chat.verified()).as(chat.failure().orElse("")).isTrue();
        assertThat(chat.reply()).isNotBlank();
        assertThat(chat.usageJson()).contains("total_tokens");
    }

    @Test
    void textToImageAnswerIsSignedByItsTeeSigner() {
        DevnetSummary.Provider images = devnet.provider("text-to-image");

        DevnetHttp.Exchange answer = DevnetHttp.postJson(proxy(images, "/images/generations"),
                wallet.inference().requestHeaders(images.address()),
                "{\"model\":\"dev-image-model\",\"prompt\":\"a sea otter\",\"n\":1,\"size\":\"64x64\"}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.text()).contains("\"url\":\"data:image/png;base64,"); // the docs' samples read data[0].url
        assertThat(verify(images.address(), answer).verified()).isTrue();
    }

    @Test
    void speechToTextAnswerIsSignedByItsTeeSigner() {
        DevnetSummary.Provider speech = devnet.provider("speech-to-text");

        DevnetHttp.Exchange answer = DevnetHttp.postAudio(proxy(speech, "/audio/transcriptions"),
                wallet.inference().requestHeaders(speech.address()), DevnetHttp.silentWav(2),
                Map.of("model", "whisper-large-v3"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.text()).contains("\"seconds\":2.0");
        assertThat(verify(speech.address(), answer).verified()).isTrue();
    }

    @Test
    void useInMakesAHomeUseTheSharedDevnetAsDevnetUpWould(@TempDir Path home) throws Exception {
        TestDevnet.useIn(home);

        String config = Files.readString(home.resolve(".0g-compute-cli/config.json"));
        assertThat(config).contains("\"network\" : \"devnet\"", "\"devnetAccount\" : 1",
                devnet.summary().rpc().toString());
        DevnetState active = DevnetState.active(new ai.zerog.compute.cli.CliEnvironment(System.out, System.err,
                System.in, Map.of(), home, false)).orElseThrow();
        assertThat(active.summary()).isEqualTo(devnet.summary());
        assertThat(active.dataDir()).isEqualTo(devnet.dataDir());
        assertThat(active.key(DevnetAccounts.USER)).isEqualTo(devnet.userKey());
        assertThat(Files.getPosixFilePermissions(home.resolve(".0g-compute-cli/devnet/devnet.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void fundedWalletsHoldCoinsAndNothingElse() {
        var wallet = TestDevnet.fundedWallet(50);

        assertThat(devnet.rpc().balanceOf(wallet.address())).isEqualTo(ai.zerog.compute.core.Units.og(50));
    }

    @Test
    void restartFromTheSameDataDirKeepsBalancesAndDeploysNothing(@TempDir Path dataDir) {
        DevnetOptions options = DevnetOptions.of(dataDir).withFreePorts();
        List<Object> before;
        try (LocalDevnet first = LocalDevnet.start(options)) {
            assertThat(first.deployedContracts()).isTrue();
            before = balances(first);
        }

        try (LocalDevnet second = LocalDevnet.start(options)) {
            assertThat(second.deployedContracts()).isFalse();
            assertThat(second.network().ledger()).isEqualTo(NetworkProfile.DEVNET.ledger());
            assertThat(balances(second)).isEqualTo(before);
            assertThat(second.verifiedChat("again").verified()).isTrue();
        }
    }

    /** The owner's nonce (no deployment or acknowledgement sent), the wallet's coins, ledger and sub-accounts. */
    private static List<Object> balances(LocalDevnet devnet) {
        try (ZgComputeBroker user = ZgComputeBroker.create(devnet.userKey(), devnet.network())) {
            LedgerDetail ledger = user.ledger().getLedger();
            Address owner = devnet.accounts().address(DevnetAccounts.OWNER);
            return List.of(devnet.rpc().transactionCount(owner, true), devnet.rpc().balanceOf(devnet.userAddress()),
                    ledger.available(), ledger.total(), ledger.lockedInSubAccounts());
        }
    }

    private static ResponseVerification verify(Address provider, DevnetHttp.Exchange answer) {
        assertThat(answer.chatId()).isNotBlank();
        return wallet.inference().processResponse(provider, answer.chatId(), answer.request(), answer.response());
    }

    private static URI proxy(DevnetSummary.Provider provider, String path) {
        return URI.create(provider.url() + "/v1/proxy" + path);
    }
}
