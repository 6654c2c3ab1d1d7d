package ai.zerog.compute.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * API keys made in the web UI, against real providers on the shared anvil and, for the pages, a
 * real headless Chromium: each key gets its own token id, so revoking one leaves the others
 * working at the provider; the keys live in an owner-only file and survive a restart of the UI;
 * Refresh All Slots revokes them all on chain and empties the list; and the Build panel of an
 * image-editing provider shows an {@code /images/edits} example that really runs. In order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiKeySlotsTest {
    @TempDir
    static Path dir;
    static Path dataDir;
    static WebNetwork net;
    static Secp256k1Key user;
    static WebUiServer server;
    static ApiClient page;
    static InferenceServingContract chain;
    static HeadlessChromium chromium;
    static final List<String> pageErrors = new CopyOnWriteArrayList<>();
    static final Map<String, JsonNode> made = new java.util.concurrent.ConcurrentHashMap<>();
    BrowserContext context;

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(CatalogueStatusApiTest.SHOTS);
        net = new WebNetwork(dir, "chatbot", "image-editing");
        user = net.funded(Units.og(100));
        chain = InferenceServingContract.readOnly(net.rpc, net.profile.inference());
        dataDir = dir.resolve("home").resolve(".0g-compute-cli").resolve("web-ui");
        startUi();
        assertThat(page.post("/api/account/deposit", Map.of("amount", "10")).status()).isEqualTo(200);
        for (String type : List.of("chatbot", "image-editing")) {
            ApiClient.Answer moved = page.post("/api/account/transfer", Map.of("provider", provider(type), "amount", "2"));
            assertThat(moved.status()).as(moved.json().toString()).isEqualTo(200);
        }
        chromium = HeadlessChromium.launch();
    }

    static void startUi() {
        server = WebUiServer.start(new WebUiConfig("127.0.0.1", 0, net.profile),
                LocalIdentity.of("test wallet", () -> ZgComputeBroker.create(user, net.profile)), dataDir);
        page = new ApiClient(server.url()).as("local");
        assertThat(page.post("/api/wallet/local/connect", Map.of()).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
        if (net != null) {
            net.close();
        }
    }

    @AfterEach
    void closeBrowserContext() {
        if (context != null) {
            context.close();
        }
        assertThat(pageErrors).isEmpty();
    }

    static String provider(String type) {
        return net.providers.get(type).checksummed();
    }

    static JsonNode create(String type, String name) {
        ApiClient.Answer created = page.post("/api/keys", Map.of("provider", provider(type), "name", name));
        assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
        made.put(name, created.json());
        return created.json();
    }

    static Account account(String type) {
        return chain.getAccount(user.address(), net.providers.get(type));
    }

    /** An OpenAI chat request straight to the provider's broker, authorised by {@code key} alone. */
    static HttpResponse<String> chatWith(JsonNode key) throws Exception {
        String body = "{\"model\":\"dev-chatbot\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(key.path("endpoint").asText() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key.path("key").asText())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    static List<Integer> tokenIds(JsonNode keys, String type) {
        List<Integer> ids = new ArrayList<>();
        keys.forEach(k -> {
            if (k.path("provider").asText().equals(provider(type))) {
                ids.add(k.path("tokenId").asInt());
            }
        });
        return ids;
    }

    @Test
    @Order(1)
    void shouldGiveEveryKeyForAProviderItsOwnTokenId() {
        JsonNode first = create("chatbot", "first");
        JsonNode second = create("chatbot", "second");
        JsonNode editing = create("image-editing", "editing");

        assertThat(first.path("tokenId").asInt()).isZero();
        assertThat(second.path("tokenId").asInt()).isEqualTo(1);
        assertThat(editing.path("tokenId").asInt()).as("ids are counted per provider").isZero();
        assertThat(first.path("key").asText()).isNotEqualTo(second.path("key").asText());
    }

    @Test
    @Order(2)
    void shouldRevokeOnlyTheKeyRevokedAndKeepTheOtherWorkingAtTheProvider() throws Exception {
        ApiClient.Answer revoked = page.post("/api/keys/revoke", Map.of("provider", provider("chatbot"), "tokenId", 0));
        assertThat(revoked.status()).as(revoked.json().toString()).isEqualTo(200);

        HttpResponse<String> withSecond = chatWith(made.get("second"));
        HttpResponse<String> withFirst = chatWith(made.get("first"));

        assertThat(account("chatbot").revokedBitmap()).isEqualTo(BigInteger.ONE); // bit 0 only
        assertThat(withSecond.statusCode()).as(withSecond.body()).isEqualTo(200);
        assertThat(withSecond.body()).contains("\"choices\"");
        assertThat(withFirst.statusCode()).isEqualTo(400);
        assertThat(withFirst.body()).contains("session token has been revoked");
        JsonNode keys = revoked.json().path("keys");
        assertThat(keys).filteredOn(k -> k.path("tokenId").asInt() == 0 && k.path("provider").asText().equals(provider("chatbot")))
                .singleElement().satisfies(k -> assertThat(k.path("revoked").asBoolean()).isTrue());
        assertThat(keys).filteredOn(k -> k.path("tokenId").asInt() == 1)
                .singleElement().satisfies(k -> assertThat(k.path("revoked").asBoolean()).isFalse());
    }

    @Test
    @Order(3)
    void shouldSkipRevokedAndStoredIdsForTheNextKey() {
        JsonNode third = create("chatbot", "third");

        assertThat(third.path("tokenId").asInt()).as("0 is revoked, 1 is held by 'second'").isEqualTo(2);
    }

    @Test
    @Order(4)
    void shouldKeepTheKeysInAnOwnerOnlyFileWrittenWhole() throws IOException {
        Path file = dataDir.resolve("api-keys.json");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.getParent())))
                .as("a config folder made for it is private too").isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp file left").containsExactly("api-keys.json");
        }
        JsonNode stored = ApiClient.JSON.readTree(file.toFile());
        assertThat(stored.path("version").asInt()).isEqualTo(1);
        assertThat(stored.path("keys")).hasSize(4).allSatisfy(k -> {
            assertThat(k.path("wallet").asText()).isEqualTo(user.address().checksummed());
            assertThat(k.path("chainId").asLong()).isEqualTo(net.profile.chainId());
        });
        assertThat(Files.readString(file)).contains(made.get("second").path("key").asText());
    }

    @Test
    @Order(5)
    void shouldListTheSameKeysAfterTheWebUiRestarts() {
        JsonNode before = page.get("/api/keys").json().path("keys");
        server.close();

        startUi();
        JsonNode after = page.get("/api/keys").json().path("keys");
        JsonNode fourth = create("chatbot", "fourth");

        assertThat(after).isEqualTo(before);
        assertThat(after).hasSize(4);
        assertThat(tokenIds(after, "chatbot")).containsExactly(2, 1, 0); // newest first
        assertThat(after.path(0).path("name").asText()).isEqualTo("third");
        assertThat(after.path(0).path("createdAt").asText()).isEqualTo(made.get("third").path("createdAt").asText());
        assertThat(fourth.path("tokenId").asInt()).as("the stored keys still hold their ids").isEqualTo(3);
    }

    @Test
    @Order(6)
    void shouldShowTheSlotsAndRefreshThemAllFromTheAccountPage() throws IOException {
        Page wallet = open("/wallet");
        wallet.locator("#key-provider").selectOption(provider("chatbot"));
        PlaywrightAssertions.assertThat(wallet.locator("#slot-active")).hasText("3 active");
        PlaywrightAssertions.assertThat(wallet.locator("#slot-revoked")).hasText("1 revoked");
        PlaywrightAssertions.assertThat(wallet.locator("#slot-available")).hasText("251 available");
        PlaywrightAssertions.assertThat(wallet.locator("#keys tr[data-token]")).hasCount(5);
        PlaywrightAssertions.assertThat(wallet.locator("#keys tr.newest")).containsText("fourth");

        wallet.locator("#refresh-slots").click();
        Locator dialog = wallet.locator("dialog[open]");
        PlaywrightAssertions.assertThat(dialog).containsText("3 stored keys will stop working");
        PlaywrightAssertions.assertThat(dialog.locator("li")).hasCount(3);
        dialog.locator("#refresh-confirm-text").fill("REFRESH ALL");
        wallet.screenshot(new Page.ScreenshotOptions().setPath(CatalogueStatusApiTest.SHOTS.resolve("api-keys-refresh-confirm.png")));
        dialog.locator("button.confirm").click();

        PlaywrightAssertions.assertThat(wallet.locator("#status")).containsText("All slots refreshed successfully!");
        PlaywrightAssertions.assertThat(wallet.locator("#keys tr[data-token]")).hasCount(1);
        PlaywrightAssertions.assertThat(wallet.locator("#keys tr[data-token]")).hasAttribute("data-provider", provider("image-editing"));
        PlaywrightAssertions.assertThat(wallet.locator("#slot-summary")).hasText("0 active · 255 available · 0 revoked · 0% of 255 used");
        wallet.screenshot(new Page.ScreenshotOptions().setPath(CatalogueStatusApiTest.SHOTS.resolve("api-keys-refreshed.png"))
                .setFullPage(true));
        Account chatbot = account("chatbot");
        assertThat(chatbot.generation()).isEqualTo(BigInteger.ONE);
        assertThat(chatbot.revokedBitmap()).isZero();
        assertThat(account("image-editing").generation()).as("other providers keep their keys").isZero();
        JsonNode stored = ApiClient.JSON.readTree(dataDir.resolve("api-keys.json").toFile());
        assertThat(stored.path("keys")).singleElement()
                .satisfies(k -> assertThat(k.path("provider").asText()).isEqualTo(provider("image-editing")));
        assertThat(create("chatbot", "fresh").path("tokenId").asInt()).as("every slot is free again").isZero();
    }

    @Test
    @Order(7)
    void shouldAskForTheWordsBeforeRefreshingSlotsThatHoldStoredKeys() {
        Page wallet = open("/wallet");
        wallet.locator("#key-provider").selectOption(provider("chatbot"));
        PlaywrightAssertions.assertThat(wallet.locator("#slot-active")).hasText("1 active");

        wallet.locator("#refresh-slots").click();
        wallet.locator("dialog[open] button.confirm").click();

        PlaywrightAssertions.assertThat(wallet.locator("#status")).containsText("Nothing was revoked: type REFRESH ALL");
        assertThat(account("chatbot").generation()).isEqualTo(BigInteger.ONE);
        PlaywrightAssertions.assertThat(wallet.locator("#keys tr[data-token]")).hasCount(2);
    }

    @Test
    @Order(8)
    void shouldShowAnImageEditExampleInTheBuildPanelThatRuns(@TempDir Path work) throws Exception {
        Page catalogue = open("/inference");
        catalogue.locator(".provider-card[data-provider='" + provider("image-editing") + "'] button.build").click();
        Locator snippet = catalogue.locator("pre.snippet");
        PlaywrightAssertions.assertThat(snippet).containsText("/images/edits");
        PlaywrightAssertions.assertThat(snippet).containsText("-F image=@image.png");
        PlaywrightAssertions.assertThat(snippet).not().containsText("chat/completions");
        catalogue.locator("#build-existing-keys button[data-token='0']").click();
        PlaywrightAssertions.assertThat(snippet).containsText(made.get("editing").path("key").asText());
        for (String tab : List.of("openai-java", "OpenAI JS", "OpenAI Python")) {
            catalogue.locator("#snippets [role=tab]", new Page.LocatorOptions().setHasText(tab)).click();
            PlaywrightAssertions.assertThat(catalogue.locator("pre.snippet")).containsText("image.png");
        }
        catalogue.screenshot(new Page.ScreenshotOptions().setPath(CatalogueStatusApiTest.SHOTS.resolve("build-image-edit.png")));
        catalogue.locator("#snippets [role=tab]", new Page.LocatorOptions().setHasText("curl")).click();
        String curl = catalogue.locator("pre.snippet").textContent();

        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", work.resolve("image.png").toFile());
        Process run = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + curl).directory(work.toFile())
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(run.waitFor()).as(output).isZero();
        byte[] edited = Files.readAllBytes(work.resolve("edited.png"));
        assertThat(new String(edited, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    @Order(9)
    void shouldOfferTheChatPageAndTheCliQuickStartForAChatbot() {
        Page catalogue = open("/inference");
        catalogue.locator(".provider-card[data-provider='" + provider("chatbot") + "'] button.build").click();

        PlaywrightAssertions.assertThat(catalogue.locator("#build-open-chat")).hasAttribute("aria-disabled", "false");
        PlaywrightAssertions.assertThat(catalogue.locator("#build-open-chat")).hasAttribute("href",
                "/inference/chat?provider=" + provider("chatbot") + "&model=dev-chatbot");
        PlaywrightAssertions.assertThat(catalogue.locator("#build-quick-start")).containsText("http://127.0.0.1:3000/v1/chat/completions");
    }

    Page open(String path) {
        context = chromium.newContext();
        context.addInitScript("sessionStorage.setItem('zg-wallet', JSON.stringify({ kind: 'local', address: '"
                + user.address().checksummed() + "' }));");
        Page opened = context.newPage();
        opened.onPageError(error -> pageErrors.add(opened.url() + ": " + error));
        opened.navigate(server.url() + path);
        PlaywrightAssertions.assertThat(opened.locator("body[data-ready='true']")).hasCount(1);
        return opened;
    }
}
