package ai.zerog.compute.cli.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.cli.devnet.LocalDevnet;
import ai.zerog.compute.cli.devnet.TestDevnet;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.ZgComputeBroker;
import ai.zerog.compute.web.HeadlessChromium;
import ai.zerog.compute.web.LocalIdentity;
import ai.zerog.compute.web.WebUiConfig;
import ai.zerog.compute.web.WebUiServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in a real headless Chromium (Debian's {@code /usr/bin/chromium}, driven by
 * Playwright) against the test devnet, as a person uses it: the local identity connects,
 * deposits, transfers, chats (streamed, badge turns verified), generates an image, transcribes
 * audio, creates and revokes an API key; then an injected EIP-1193 wallet does the same chat.
 * One browser, one devnet; screenshots of every page at 1280 px and phone width go to
 * {@code target/ui-screenshots/}. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserTest {
    static final Path SHOTS = Path.of("target", "ui-screenshots");

    static LocalDevnet devnet;
    @TempDir
    static Path dataDir;
    static WebUiServer server;
    static Secp256k1Key localKey;
    static TestWallet browserWallet;
    static HeadlessChromium chromium;
    static BrowserContext context;
    static Page page;
    static final List<String> pageErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(SHOTS);
        devnet = TestDevnet.shared();
        localKey = fundedKey();
        browserWallet = new TestWallet(fundedKey(), devnet.node(), devnet.rpc(), devnet.network().chainId());
        server = WebUiServer.start(new WebUiConfig("127.0.0.1", 0, devnet.network()),
                LocalIdentity.of("devnet test wallet", () -> ZgComputeBroker.create(localKey, devnet.network())),
                dataDir);
        chromium = HeadlessChromium.launch();
        context = newContext();
        page = context.newPage();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static Secp256k1Key fundedKey() {
        Secp256k1Key key = Secp256k1Key.random();
        devnet.node().setBalance(key.address().hex(), Units.og(100));
        return key;
    }

    static BrowserContext newContext() {
        BrowserContext created = chromium.newContext();
        created.onPage(p -> {
            p.onPageError(error -> pageErrors.add(p.url() + ": " + error));
            p.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    pageErrors.add(p.url() + ": " + message.text());
                }
            });
        });
        return created;
    }

    static String provider(String serviceType) {
        return devnet.provider(serviceType).address().checksummed();
    }

    /** Opens a page and waits until its script has attached its handlers and shown its first data. */
    static void open(Page on, String path) {
        on.navigate(server.url() + path);
        PlaywrightAssertions.assertThat(on.locator("body[data-ready='true']")).hasCount(1);
    }

    static Locator visible(Page on, String selector) {
        Locator locator = on.locator(selector);
        PlaywrightAssertions.assertThat(locator.first()).isVisible();
        return locator;
    }

    /** The page at 1280 px and at phone width, full length. */
    static void screenshot(Page on, String name) {
        on.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-1280.png")).setFullPage(true));
        on.setViewportSize(390, 844);
        on.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-phone.png")).setFullPage(true));
        on.setViewportSize(1280, 900);
    }

    static void confirm(Page on) {
        on.locator("dialog[open] button.confirm").click();
    }

    /** Fills one fund form, confirms it and waits until the page says it is done. */
    static void moveFunds(Page on, String amountField, String amount, String button, String doneText) {
        on.locator(amountField).fill(amount);
        on.locator(button).click();
        confirm(on);
        PlaywrightAssertions.assertThat(on.locator("#status")).containsText(doneText);
    }

    @Test
    @Order(1)
    void shouldShowTheCatalogueWithLiveHealthAndVerifyAProvider() {
        open(page, "/");
        visible(page, "#get-started");
        screenshot(page, "home");

        open(page, "/inference");
        for (String type : List.of("chatbot", "text-to-image", "speech-to-text")) {
            Locator card = page.locator(".provider-card[data-provider='" + provider(type) + "']");
            PlaywrightAssertions.assertThat(card).isVisible();
            PlaywrightAssertions.assertThat(card).containsText("online");
        }
        page.locator(".provider-card[data-provider='" + provider("chatbot") + "'] button.verify").click();
        PlaywrightAssertions.assertThat(page.locator("#verify-verdict")).hasText("PASSED");
        assertThat(page.locator("#verify-steps li").count()).isGreaterThan(3);
        screenshot(page, "catalogue-verify");
        page.keyboard().press("Escape");
        screenshot(page, "catalogue");
    }

    @Test
    @Order(2)
    void shouldConnectTheLocalIdentity() {
        open(page, "/inference");
        page.locator("#connect-button").click();
        page.locator("#connect-local").click();

        PlaywrightAssertions.assertThat(page.locator("#wallet-pill")).containsText(localKey.address().checksummed().substring(0, 6));
        PlaywrightAssertions.assertThat(page.locator("#balance-pill")).hasText("No ledger yet");
    }

    @Test
    @Order(3)
    void shouldDepositAndTransferToEachProviderWithAConfirmationStep() {
        open(page, "/wallet");
        PlaywrightAssertions.assertThat(page.locator("#total")).hasText("No ledger yet");

        moveFunds(page, "#deposit-amount", "10", "#deposit-button", "Deposit 10 0G: done.");
        PlaywrightAssertions.assertThat(page.locator("#total")).hasText("10 0G");
        for (String type : List.of("chatbot", "text-to-image", "speech-to-text")) {
            page.locator("#transfer-provider").selectOption(provider(type));
            moveFunds(page, "#transfer-amount", "2", "#transfer-button", "Transfer 2 0G: done.");
        }

        PlaywrightAssertions.assertThat(page.locator("#available")).hasText("4 0G");
        PlaywrightAssertions.assertThat(page.locator("#locked")).hasText("6 0G");
        PlaywrightAssertions.assertThat(page.locator("#providers tr")).hasCount(3);
        screenshot(page, "account");
    }

    @Test
    @Order(4)
    void shouldStreamAChatAnswerAndTurnTheBadgeVerified() {
        open(page, "/inference/chat?provider=" + provider("chatbot"));
        PlaywrightAssertions.assertThat(page.locator("#provider-balance")).containsText("2 0G");
        page.locator("#prompt").fill("Hello from the browser test");
        page.locator("#prompt").press("Enter");

        PlaywrightAssertions.assertThat(page.locator(".message.user")).hasText("Hello from the browser test");
        Locator answer = page.locator(".message.assistant").last();
        PlaywrightAssertions.assertThat(answer.locator("[data-verified='true']")).isVisible();
        assertThat(answer.locator(".text").innerText()).isNotBlank();
        PlaywrightAssertions.assertThat(answer.locator(".badge.fee")).containsText("Fee: 0.0000");
        answer.locator("summary").click();
        PlaywrightAssertions.assertThat(answer.locator(".signed-text")).not().isEmpty();
        PlaywrightAssertions.assertThat(answer).containsText(devnet.provider("chatbot").teeSigner().checksummed());

        page.locator("#prompt").fill("And a second message");
        page.locator("#send").click();
        PlaywrightAssertions.assertThat(page.locator(".message.assistant [data-verified='true']")).hasCount(2);
        screenshot(page, "chat");
    }

    @Test
    @Order(5)
    void shouldGenerateAnImageAndShowIt() {
        open(page, "/inference/image-gen?provider=" + provider("text-to-image"));
        page.locator("#size").selectOption("256x256");
        page.locator("#prompt").fill("A cute baby sea otter");
        page.locator("#generate").click();

        Locator image = page.locator("#result img");
        PlaywrightAssertions.assertThat(image).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#result [data-verified='true']")).isVisible();
        assertThat((Integer) image.evaluate("img => img.naturalWidth")).isEqualTo(256);
        screenshot(page, "image-gen");
    }

    @Test
    @Order(6)
    void shouldTranscribeAnAudioFile() throws Exception {
        Path audio = spokenWav();
        open(page, "/inference/speech-to-text?provider=" + provider("speech-to-text"));
        page.locator("#audio").setInputFiles(audio);
        page.locator("#transcribe").click();

        PlaywrightAssertions.assertThat(page.locator("#transcript")).containsText("hello.wav");
        PlaywrightAssertions.assertThat(page.locator("#transcript")).containsText("seconds of audio");
        PlaywrightAssertions.assertThat(page.locator("#result [data-verified='true']")).isVisible();
        screenshot(page, "speech-to-text");
    }

    @Test
    @Order(7)
    void shouldCreateAndRevokeAnApiKeyAndFillTheBuildSnippets() {
        open(page, "/wallet");
        page.locator("#key-provider").selectOption(provider("chatbot"));
        page.locator("#key-name").fill("browser test");
        page.locator("#key-create").click();
        Locator row = page.locator("#keys tr[data-token]");
        PlaywrightAssertions.assertThat(row).hasCount(1);
        PlaywrightAssertions.assertThat(row.locator(".key-state")).hasText("active");

        row.locator("button.danger").click();
        confirm(page);
        PlaywrightAssertions.assertThat(row.locator(".key-state")).hasText("revoked");
        screenshot(page, "account-keys");

        open(page, "/inference");
        page.locator(".provider-card[data-provider='" + provider("chatbot") + "'] button.build").click();
        page.locator("#build-create-key").click();
        PlaywrightAssertions.assertThat(page.locator("pre.snippet")).containsText("Bearer app-sk-");
        for (String tab : List.of("Java SDK", "openai-java", "OpenAI JS", "OpenAI Python")) {
            page.locator("#snippets [role=tab]", new Page.LocatorOptions().setHasText(tab)).click();
            PlaywrightAssertions.assertThat(page.locator("pre.snippet")).containsText(
                    tab.equals("Java SDK") ? provider("chatbot") : "app-sk-");
        }
        screenshot(page, "catalogue-build");
    }

    @Test
    @Order(8)
    void shouldExplainPagesWithoutProviders() {
        open(page, "/inference/image-edit");
        PlaywrightAssertions.assertThat(page.locator("#status")).containsText("No image-editing provider");
        screenshot(page, "image-edit");
    }

    @Test
    @Order(9)
    void shouldChatThroughAnInjectedBrowserWalletThatSignsInThePage() {
        BrowserContext walletContext = newContext();
        walletContext.addInitScript(TestWallet.SCRIPT);
        walletContext.exposeFunction(TestWallet.BINDING, args -> browserWallet.handle((String) args[0], (String) args[1]));
        Page walletPage = walletContext.newPage();
        try {
            open(walletPage, "/wallet");
            walletPage.locator("#connect-here").click();
            walletPage.locator("#connect-browser").click();
            PlaywrightAssertions.assertThat(walletPage.locator("#wallet-pill")).containsText("Wallet "
                    + browserWallet.address().checksummed().substring(0, 6));

            moveFunds(walletPage, "#deposit-amount", "5", "#deposit-button", "Deposit 5 0G: done.");
            walletPage.locator("#transfer-provider").selectOption(provider("chatbot"));
            moveFunds(walletPage, "#transfer-amount", "2", "#transfer-button", "Transfer 2 0G: done.");
            PlaywrightAssertions.assertThat(walletPage.locator("#locked")).hasText("2 0G");
            assertThat(browserWallet.transactions.get()).isEqualTo(2);

            open(walletPage, "/inference/chat?provider=" + provider("chatbot"));
            walletPage.locator("#prompt").fill("Hello from a browser wallet");
            walletPage.locator("#prompt").press("Enter");
            PlaywrightAssertions.assertThat(walletPage.locator(".message.assistant [data-verified='true']")).isVisible();
            assertThat(browserWallet.signatures.get()).isEqualTo(1);
            screenshot(walletPage, "chat-browser-wallet");
        } catch (AssertionError | RuntimeException e) {
            walletPage.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("failed-browser-wallet.png"))
                    .setFullPage(true));
            throw e;
        } finally {
            walletContext.close();
        }
        assertThat(pageErrors).isEmpty();
    }

    /** Spoken audio from espeak-ng when installed, else two seconds of silence; named hello.wav. */
    static Path spokenWav() throws IOException, InterruptedException {
        Path file = Files.createTempDirectory("zg-ui-audio").resolve("hello.wav");
        try {
            Process espeak = new ProcessBuilder("espeak-ng", "-w", file.toString(), "Hello from the zero G web UI")
                    .redirectErrorStream(true).start();
            if (espeak.waitFor(30, TimeUnit.SECONDS) && espeak.exitValue() == 0 && Files.size(file) > 44) {
                return file;
            }
        } catch (IOException notInstalled) {
            // fall back to silence
        }
        Files.write(file, silentWav(16_000, 32_000));
        return file;
    }

    static byte[] silentWav(int sampleRate, int frames) {
        int dataSize = frames * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataSize).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataSize);
        return wav.array();
    }

}
