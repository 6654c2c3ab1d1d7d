package ai.zerog.compute.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue's figures from 0G's status API (uptime, average response time, status) beside
 * our own live probe, in the JSON and on the cards in a real headless Chromium (Debian's
 * {@code /usr/bin/chromium}, driven by Playwright). Real providers on the shared anvil; the status
 * API is a real HTTP server on loopback that monitors the chatbot but not the image provider.
 * Also: a status API that is off, unreachable or hanging adds nothing and alarms no one.
 */
class CatalogueStatusApiTest {
    static final Path SHOTS = Path.of("target", "ui-screenshots");

    @TempDir
    static Path dir;
    static WebNetwork net;
    static FakeStatusApi statusApi;
    static HeadlessChromium chromium;
    static final List<WebUiServer> servers = new CopyOnWriteArrayList<>();
    static final List<String> pageErrors = new CopyOnWriteArrayList<>();
    BrowserContext context;

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(SHOTS);
        net = new WebNetwork(dir, "chatbot", "text-to-image");
        statusApi = FakeStatusApi.serving(FakeStatusApi.health(
                FakeStatusApi.entry(chatbot().toLowerCase(), "dev-chatbot", "healthy", "99.5", "120.4"),
                FakeStatusApi.entry(chatbot().toLowerCase(), "some-other-model", "critical", "12", "3000"),
                FakeStatusApi.entry("0x" + "12".repeat(20), "dev-text-to-image", "warning", "75", "300")));
        chromium = HeadlessChromium.launch();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        servers.forEach(WebUiServer::close);
        if (statusApi != null) {
            statusApi.close();
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

    static String chatbot() {
        return net.providers.get("chatbot").checksummed();
    }

    static String imageProvider() {
        return net.providers.get("text-to-image").checksummed();
    }

    static WebUiServer serve(WebUiConfig config) {
        WebUiServer server = WebUiServer.start(config, LocalIdentity.none("no identity in this test"), dir.resolve("web-ui"));
        servers.add(server);
        return server;
    }

    static WebUiConfig config() {
        return new WebUiConfig("127.0.0.1", 0, net.profile);
    }

    static JsonNode catalogue(WebUiServer server) {
        ApiClient.Answer answer = new ApiClient(server.url()).get("/api/providers");
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        return answer.json();
    }

    Page openCatalogue(WebUiServer server) {
        context = chromium.newContext();
        Page page = context.newPage();
        page.onPageError(error -> pageErrors.add(page.url() + ": " + error));
        page.navigate(server.url() + "/inference");
        PlaywrightAssertions.assertThat(page.locator("body[data-ready='true']")).hasCount(1);
        return page;
    }

    static Locator card(Page page, String provider) {
        Locator card = page.locator(".provider-card[data-provider='" + provider + "']");
        PlaywrightAssertions.assertThat(card).isVisible();
        PlaywrightAssertions.assertThat(card).containsText("online"); // our own live probe stays
        return card;
    }

    @Test
    void shouldPutTheStatusApiFiguresIntoTheCatalogueJson() {
        WebUiServer server = serve(config().withStatusApi(statusApi.url()));

        JsonNode body = catalogue(server);

        assertThat(body.path("statusApi").path("state").asText()).isEqualTo("ok");
        assertThat(body.path("statusApi").path("url").asText()).isEqualTo(statusApi.url().toString());
        JsonNode chat = WebApiFlowTest.find(body.path("providers"), chatbot()).path("monitoring");
        assertThat(chat.path("known").asBoolean()).isTrue();
        assertThat(chat.path("status").asText()).isEqualTo("healthy");
        assertThat(chat.path("label").asText()).isEqualTo("High availability");
        assertThat(chat.path("uptime").decimalValue()).isEqualByComparingTo("99.5");
        assertThat(chat.path("uptimeText").asText()).isEqualTo("99.5%");
        assertThat(chat.path("uptimeLevel").asText()).isEqualTo("ok");
        assertThat(chat.path("responseTime").asText()).isEqualTo("120 ms");
        assertThat(chat.path("lastCheck").asText()).isEqualTo("2026-01-01T00:00:00Z");
        JsonNode image = WebApiFlowTest.find(body.path("providers"), imageProvider()).path("monitoring");
        assertThat(image.path("known").asBoolean()).isFalse();
        assertThat(image.path("label").asText()).isEqualTo("No status data");
    }

    @Test
    void shouldShowUptimeAndResponseTimeOnTheProviderCards() {
        WebUiServer server = serve(config().withStatusApi(statusApi.url()));
        Page page = openCatalogue(server);

        Locator chat = card(page, chatbot()).locator(".monitoring");
        PlaywrightAssertions.assertThat(chat).hasAttribute("data-monitoring", "ok");
        PlaywrightAssertions.assertThat(chat).containsText("0G monitoring: High availability");
        PlaywrightAssertions.assertThat(chat.locator(".uptime")).hasText("99.5% uptime");
        PlaywrightAssertions.assertThat(chat.locator(".response-time")).hasText("120 ms avg response");
        Locator image = card(page, imageProvider()).locator(".monitoring");
        PlaywrightAssertions.assertThat(image).hasAttribute("data-monitoring", "none");
        PlaywrightAssertions.assertThat(image).hasText("0G monitoring: no status data");
        PlaywrightAssertions.assertThat(page.locator("#monitoring-note")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("catalogue-status-api-1280.png")).setFullPage(true));
        page.setViewportSize(390, 844);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("catalogue-status-api-phone.png")).setFullPage(true));
    }

    @Test
    void shouldAddNothingWhenTheStatusApiIsOff() {
        WebUiServer server = serve(config().withStatusApiSetting("off"));

        JsonNode body = catalogue(server);
        Page page = openCatalogue(server);

        assertThat(body.path("statusApi").path("state").asText()).isEqualTo("off");
        assertThat(body.path("providers")).hasSize(2).allSatisfy(p -> assertThat(p.has("monitoring")).isFalse());
        assertNothingExtraOnTheCards(page);
    }

    @Test
    void shouldAddNothingAndSayNothingAlarmingWhenTheStatusApiIsUnreachable() {
        WebUiServer server = serve(config().withStatusApi(FakeStatusApi.nowhere()));

        JsonNode body = catalogue(server);
        Page page = openCatalogue(server);

        assertThat(body.path("statusApi").path("state").asText()).isEqualTo("unavailable");
        assertThat(body.path("providers")).hasSize(2).allSatisfy(p -> assertThat(p.has("monitoring")).isFalse());
        assertNothingExtraOnTheCards(page);
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.SECONDS) // below the SDK's 10 s status API timeout: the catalogue must not wait it out
    void shouldListTheProvidersWithoutWaitingForAHangingStatusApi() {
        try (FakeStatusApi hanging = FakeStatusApi.hanging()) {
            WebUiServer server = serve(config().withStatusApi(hanging.url()));

            JsonNode body = catalogue(server);

            assertThat(body.path("statusApi").path("state").asText()).isEqualTo("unavailable");
            assertThat(body.path("providers")).hasSize(2).allSatisfy(p -> assertThat(p.has("monitoring")).isFalse());
        }
    }

    private static void assertNothingExtraOnTheCards(Page page) {
        card(page, chatbot());
        card(page, imageProvider());
        PlaywrightAssertions.assertThat(page.locator(".monitoring")).hasCount(0);
        PlaywrightAssertions.assertThat(page.locator("#monitoring-note")).isHidden();
        PlaywrightAssertions.assertThat(page.locator("#error")).isHidden();
        PlaywrightAssertions.assertThat(page.locator("[role='alert']")).hasCount(0);
    }
}
