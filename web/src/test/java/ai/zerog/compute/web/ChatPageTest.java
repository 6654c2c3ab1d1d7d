package ai.zerog.compute.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.provider.DevModelConfig;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat page in a real headless Chromium against a real, deliberately slow dev-model provider:
 * Stop keeps the partial answer and the server drops the relay quietly; conversations are kept in
 * the browser and come back after a reload; code blocks render as text with a copy button;
 * Regenerate, Edit and the cost estimate.
 */
class ChatPageTest {
    /** Slow enough that Stop lands mid-answer (a long prompt gets ~35 tokens, about 9 s). */
    static final Duration TOKEN_DELAY = Duration.ofMillis(250);
    static final Logger API_LOG = Logger.getLogger(ApiHandler.class.getName());
    static final Logger ROOT_LOG = Logger.getLogger("");

    @TempDir
    static Path dir;
    static WebNetwork net;
    static Secp256k1Key user;
    static WebUiServer server;
    static HeadlessChromium chromium;
    static final List<String> pageErrors = new CopyOnWriteArrayList<>();
    static final List<String> serverWarnings = new CopyOnWriteArrayList<>();
    static final CountDownLatch pageWentAway = new CountDownLatch(1);
    static final Handler logWatch = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String name = record.getLoggerName() == null ? "" : record.getLoggerName();
            String text = record.getMessage() == null ? "" : record.getMessage();
            boolean provider = text.contains("/v1/proxy/"); // the provider's own log, not the UI server's
            if (record.getLevel().intValue() >= Level.WARNING.intValue() && !provider
                    && (name.startsWith("ai.zerog.compute.web") || name.startsWith("io.helidon"))) {
                serverWarnings.add(name + ": " + record.getMessage() + " " + record.getThrown());
            }
            if ("the page went away".equals(record.getMessage())) {
                pageWentAway.countDown();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    BrowserContext context;

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(CatalogueStatusApiTest.SHOTS);
        logWatch.setLevel(Level.ALL);
        API_LOG.setLevel(Level.FINE);
        ROOT_LOG.addHandler(logWatch);
        net = new WebNetwork(dir, DevModelConfig.defaults().withTokenDelay(TOKEN_DELAY), "chatbot");
        user = net.funded(Units.og(100));
        server = WebUiServer.start(new WebUiConfig("127.0.0.1", 0, net.profile),
                LocalIdentity.of("test wallet", () -> ZgComputeBroker.create(user, net.profile)),
                dir.resolve("home").resolve(".0g-compute-cli").resolve("web-ui"));
        ApiClient api = new ApiClient(server.url()).as("local");
        assertThat(api.post("/api/wallet/local/connect", Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/account/deposit", Map.of("amount", "10")).status()).isEqualTo(200);
        ApiClient.Answer moved = api.post("/api/account/transfer", Map.of("provider", provider(), "amount", "2"));
        assertThat(moved.status()).as(moved.json().toString()).isEqualTo(200);
        chromium = HeadlessChromium.launch();
    }

    @AfterAll
    static void stop() {
        ROOT_LOG.removeHandler(logWatch);
        API_LOG.setLevel(null);
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
        assertThat(serverWarnings).isEmpty();
    }

    static String provider() {
        return net.providers.get("chatbot").checksummed();
    }

    @Test
    void shouldStopAStreamingAnswerKeepThePartialTextAndDropTheRelay() throws InterruptedException {
        Page page = open();
        page.locator("#prompt").fill("Please tell me a very long story about a lighthouse keeper, a cat, a storm and the sea at night");
        page.locator("#prompt").press("Enter");
        Locator answer = page.locator(".message.assistant");
        PlaywrightAssertions.assertThat(answer.locator(".text")).containsText("Dev model reply to:");
        PlaywrightAssertions.assertThat(page.locator("#send")).isDisabled();
        page.locator("#stop").click();

        PlaywrightAssertions.assertThat(answer.locator("[data-stopped='true']")).hasText("Stopped");
        PlaywrightAssertions.assertThat(answer).hasAttribute("data-stopped", "true");
        PlaywrightAssertions.assertThat(answer.locator("[data-verified]")).hasCount(0);
        assertThat(answer.locator(".text").innerText()).startsWith("Dev model reply to:").doesNotContain("sea at night");
        PlaywrightAssertions.assertThat(page.locator("#stop")).isHidden();
        PlaywrightAssertions.assertThat(page.locator("#send")).isEnabled();
        assertThat(pageWentAway.await(30, TimeUnit.SECONDS)).as("the server noticed the page left and stopped relaying")
                .isTrue();
        page.screenshot(new Page.ScreenshotOptions().setPath(CatalogueStatusApiTest.SHOTS.resolve("chat-stopped.png")));

        page.locator("#prompt").fill("Hi");
        page.locator("#send").click();
        PlaywrightAssertions.assertThat(page.locator(".message.assistant").nth(1).locator("[data-verified='true']")).isVisible();
        PlaywrightAssertions.assertThat(page.locator(".history-item")).hasCount(1);
    }

    @Test
    void shouldKeepConversationsInTheBrowserAcrossAReload() {
        Page page = open();
        send(page, "Remember the harbor");
        page.reload();
        PlaywrightAssertions.assertThat(page.locator("body[data-ready='true']")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator(".message")).hasCount(0);
        PlaywrightAssertions.assertThat(page.locator(".history-item")).hasCount(1);
        page.locator(".history-item .open").click();
        PlaywrightAssertions.assertThat(page.locator(".message.user")).hasText("Remember the harbor");
        PlaywrightAssertions.assertThat(page.locator(".message.assistant .text")).containsText("Dev model reply to: Remember the harbor");
        PlaywrightAssertions.assertThat(page.locator(".message.assistant [data-verified='true']")).isVisible();

        page.locator("#new-chat").click();
        PlaywrightAssertions.assertThat(page.locator(".message")).hasCount(0);
        send(page, "A second topic");
        Locator items = page.locator(".history-item .open");
        PlaywrightAssertions.assertThat(items).hasText(new String[] {"A second topic", "Remember the harbor"});
        PlaywrightAssertions.assertThat(page.locator(".history-group").first()).hasText("Today");

        page.locator("#history-search").fill("REMEMBER");
        PlaywrightAssertions.assertThat(items).hasText(new String[] {"Remember the harbor"});
        page.locator("#history-search").fill("no such words");
        PlaywrightAssertions.assertThat(page.locator("#history-empty")).hasText("No conversation matches.");
        page.locator("#history-search").fill("");
        page.screenshot(new Page.ScreenshotOptions().setPath(CatalogueStatusApiTest.SHOTS.resolve("chat-history.png")));

        page.locator(".history-item", new Page.LocatorOptions().setHasText("Remember the harbor")).locator(".delete").click();
        PlaywrightAssertions.assertThat(items).hasText(new String[] {"A second topic"});
        page.reload();
        PlaywrightAssertions.assertThat(page.locator("body[data-ready='true']")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator(".history-item .open")).hasText(new String[] {"A second topic"});
    }

    @Test
    void shouldRenderCodeAsTextWithCopyThenRegenerateAndEdit() {
        Page page = open();
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        send(page, "<i>not markup</i>\n```html\n<b>bold</b>\n```");
        Locator answer = page.locator(".message.assistant");
        PlaywrightAssertions.assertThat(answer.locator("pre code")).hasText("<b>bold</b>");
        PlaywrightAssertions.assertThat(answer.locator(".code-head")).containsText("html");
        PlaywrightAssertions.assertThat(answer.locator(".text")).containsText("<i>not markup</i>");
        PlaywrightAssertions.assertThat(page.locator("#messages b, #messages i, #messages img")).hasCount(0);
        String first = answer.locator(".text").innerText();
        answer.getByText("Copy code").click();
        PlaywrightAssertions.assertThat(answer.locator(".code-head button")).hasText("Copied");
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo("<b>bold</b>");

        PlaywrightAssertions.assertThat(answer.locator(".code-head button")).hasText("Copy code");
        page.locator("#regenerate").click();
        PlaywrightAssertions.assertThat(page.locator(".message.assistant [data-verified='true']")).isVisible();
        PlaywrightAssertions.assertThat(page.locator(".message.assistant")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator(".message.user")).hasCount(1);
        assertThat(page.locator(".message.assistant .text").innerText()).isEqualTo(first);

        page.locator("#edit-last").click();
        PlaywrightAssertions.assertThat(page.locator(".message")).hasCount(0);
        PlaywrightAssertions.assertThat(page.locator("#prompt")).hasValue("<i>not markup</i>\n```html\n<b>bold</b>\n```");
        page.locator("#prompt").fill("abcdefgh");
        // ceil(8 / 4) = 2 input tokens × 1 gneuron + 500 output tokens × 2 gneuron = 1 002 000 000 000 neuron
        PlaywrightAssertions.assertThat(page.locator("#estimate")).containsText("Estimated cost: ~0.000001002 0G");
        page.locator("#send").click();
        PlaywrightAssertions.assertThat(page.locator(".message.user")).hasText("abcdefgh");
        PlaywrightAssertions.assertThat(page.locator(".message.assistant [data-verified='true']")).isVisible();
        PlaywrightAssertions.assertThat(page.locator(".history-item .open")).hasText(new String[] {"abcdefgh"});
        page.screenshot(new Page.ScreenshotOptions().setPath(CatalogueStatusApiTest.SHOTS.resolve("chat-code.png")));
    }

    private static void send(Page page, String text) {
        int answers = page.locator(".message.assistant [data-verified='true']").count();
        page.locator("#prompt").fill(text);
        page.locator("#send").click();
        PlaywrightAssertions.assertThat(page.locator(".message.assistant [data-verified='true']")).hasCount(answers + 1);
    }

    Page open() {
        context = chromium.newContext();
        context.addInitScript("sessionStorage.setItem('zg-wallet', JSON.stringify({ kind: 'local', address: '"
                + user.address().checksummed() + "' }));");
        Page opened = context.newPage();
        opened.onPageError(error -> pageErrors.add(opened.url() + ": " + error));
        opened.navigate(server.url() + "/inference/chat?provider=" + provider());
        PlaywrightAssertions.assertThat(opened.locator("body[data-ready='true']")).hasCount(1);
        return opened;
    }
}
