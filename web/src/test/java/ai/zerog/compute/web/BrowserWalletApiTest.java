package ai.zerog.compute.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.core.WalletSigner;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser wallet through the API, with this test playing the page and the wallet: transactions
 * come back prepared and are sent by the wallet, session tokens and API keys are signed when the
 * server asks on the page's event stream. No key ever reaches the server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserWalletApiTest {
    @TempDir
    static Path dir;
    static WebNetwork net;
    static WebUiServer server;
    static Secp256k1Key wallet;
    static ApiClient page;
    static final AtomicInteger signed = new AtomicInteger();

    @BeforeAll
    static void start() {
        net = new WebNetwork(dir, "chatbot");
        wallet = net.funded(Units.og(50));
        server = WebUiServer.start(new WebUiConfig("127.0.0.1", 0, net.profile), LocalIdentity.none("none"),
                dir.resolve("ui-data"));
        page = new ApiClient(server.url()).as(wallet.address().checksummed());
    }

    @AfterAll
    static void stop() {
        server.close();
        net.close();
    }

    static String chatbot() {
        return net.providers.get("chatbot").checksummed();
    }

    @Test
    @Order(1)
    void shouldRefuseAWalletOnAnotherChainAndSayWhichChainToUse() {
        ApiClient.Answer refused = page.post("/api/wallet/browser/connect",
                Map.of("address", wallet.address().checksummed(), "chainId", "0x1"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("error").asText()).contains("chain 1").contains("Switch the wallet to chain "
                + net.profile.chainId());
    }

    @Test
    @Order(2)
    void shouldPrepareTheDepositForTheWalletToSend() {
        ApiClient.Answer connected = page.post("/api/wallet/browser/connect",
                Map.of("address", wallet.address().hex(), "chainId", "0x" + Long.toHexString(net.profile.chainId())));
        assertThat(connected.status()).isEqualTo(200);

        JsonNode prepared = page.post("/api/account/deposit", Map.of("amount", "10")).json();
        walletSends(prepared);

        assertThat(prepared.path("transaction").path("to").asText()).isEqualTo(net.profile.ledger().checksummed());
        assertThat(new BigInteger(prepared.path("transaction").path("value").asText().substring(2), 16))
                .isEqualTo(Units.og(10));
        JsonNode account = page.get("/api/account").json();
        assertThat(account.path("kind").asText()).isEqualTo("browser");
        assertThat(account.path("ledger").path("available").asText()).isEqualTo("10");
    }

    @Test
    @Order(3)
    void shouldRefuseATransferTheContractWouldRevertBeforeTheWalletIsAsked() {
        ApiClient.Answer refused = page.post("/api/account/transfer", Map.of("provider", chatbot(), "amount", "0.5"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).contains("At least 1 0G");
    }

    @Test
    @Order(4)
    void shouldTransferAndThenNeedThePageToSignTheSessionToken() {
        walletSends(page.post("/api/account/transfer", Map.of("provider", chatbot(), "amount", "2")).json());

        ApiClient.Answer noPage = page.post("/api/chat", Map.of("provider", chatbot(),
                "messages", List.of(Map.of("role", "user", "content", "Hello"))));

        assertThat(noPage.status()).isEqualTo(409);
        assertThat(noPage.json().path("error").asText()).contains("no page with the browser wallet");
    }

    @Test
    @Order(5)
    void shouldChatWithTheSessionTokenSignedInThePage() throws Exception {
        Thread.ofVirtual().start(BrowserWalletApiTest::playThePage);
        awaitListening();

        List<ApiClient.Event> events = page.stream("/api/chat", Map.of("provider", chatbot(),
                "messages", List.of(Map.of("role", "user", "content", "Hello from a browser wallet"))));

        assertThat(events).extracting(ApiClient.Event::name).last().isEqualTo("done");
        assertThat(events.getLast().data().path("verified").asBoolean()).as(events.getLast().data().toString()).isTrue();
        assertThat(signed.get()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void shouldCreateAKeyWithAPageSignatureAndRevokeItWithAWalletTransaction() {
        JsonNode created = page.post("/api/keys", Map.of("provider", chatbot())).json();
        assertThat(created.path("key").asText()).startsWith("app-sk-");
        assertThat(signed.get()).isEqualTo(2);

        JsonNode prepared = page.post("/api/keys/revoke", Map.of("provider", chatbot(),
                "tokenId", created.path("tokenId").asInt())).json();
        walletSends(prepared);

        assertThat(prepared.path("transaction").path("to").asText()).isEqualTo(net.profile.inference().checksummed());
        assertThat(page.get("/api/keys").json().path("keys").path(0).path("revoked").asBoolean()).isTrue();
    }

    @Test
    @Order(7)
    void shouldRefreshAllSlotsWithAWalletTransactionAndThenForgetTheStoredKeys() {
        JsonNode second = page.post("/api/keys", Map.of("provider", chatbot())).json();
        assertThat(second.path("tokenId").asInt()).as("id 0 is revoked").isEqualTo(1);
        assertThat(page.get("/api/keys").json().path("keys")).hasSize(2);

        JsonNode prepared = page.post("/api/keys/revoke-all", Map.of("provider", chatbot())).json();
        assertThat(page.get("/api/keys").json().path("keys")).as("kept until the wallet sends it").hasSize(2);
        walletSends(prepared);

        assertThat(prepared.path("transaction").path("to").asText()).isEqualTo(net.profile.inference().checksummed());
        assertThat(prepared.path("description").asText()).contains("revoke all API keys");
        assertThat(page.get("/api/keys").json().path("keys")).isEmpty();
        JsonNode slots = page.get("/api/keys/slots?provider=" + chatbot()).json();
        assertThat(slots.path("generation").asText()).isEqualTo("1");
        assertThat(slots.path("available").asInt()).isEqualTo(255);
    }

    @Test
    @Order(8)
    void shouldPrepareRetrieveAndRefund() {
        walletSends(page.post("/api/account/retrieve", Map.of()).json());
        walletSends(page.post("/api/account/refund", Map.of("amount", "8")).json());

        JsonNode ledger = page.get("/api/account").json().path("ledger");
        assertThat(ledger.path("available").asText()).isEqualTo("0");
        assertThat(WebApiFlowTest.find(ledger.path("providers"), chatbot()).path("refunds")).hasSize(1);
    }

    /** The wallet's eth_sendTransaction: the prepared call, signed and sent with the wallet's own key. */
    static void walletSends(JsonNode prepared) {
        JsonNode tx = prepared.path("transaction");
        assertThat(tx.isObject()).as(prepared.toString()).isTrue();
        assertThat(tx.path("from").asText()).isEqualTo(wallet.address().checksummed());
        TransactionSender.create(net.rpc, wallet).send(prepared.path("description").asText(),
                Address.of(tx.path("to").asText()), new BigInteger(tx.path("value").asText().substring(2), 16),
                HexFormat.of().parseHex(tx.path("data").asText().substring(2)));
    }

    private static volatile boolean listening;

    /** What the page's EventSource handler does: personal_sign each request and post the signature back. */
    static void playThePage() {
        HttpRequest request = HttpRequest.newBuilder(page.uri("/api/wallet/browser/requests?address="
                + wallet.address().checksummed())).GET().build();
        try {
            HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            String event = "";
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                listening = true;
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && event.equals("sign")) {
                    JsonNode ask = ApiClient.JSON.readTree(line.substring(5));
                    byte[] message = HexFormat.of().parseHex(ask.path("message").asText().substring(2));
                    String signature = WalletSigner.of(wallet).signPersonalMessage(message).hex();
                    signed.incrementAndGet();
                    page.post("/api/wallet/browser/signatures", Map.of("id", ask.path("id").asText(), "signature", signature));
                }
            }
        } catch (Exception serverClosed) {
            // the test is over
        }
    }

    static void awaitListening() throws InterruptedException {
        for (int i = 0; i < 200 && !listening; i++) {
            Thread.sleep(25);
        }
        assertThat(listening).as("the page's event stream opened").isTrue();
    }
}
