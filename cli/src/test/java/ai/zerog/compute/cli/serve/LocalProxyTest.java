package ai.zerog.compute.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The proxy over the devnet's three dev providers, called as OpenAI clients call it. */
class LocalProxyTest {
    static ZgComputeBroker user;
    static RecordingLog log = new RecordingLog();
    static LocalProxy proxy;
    static ProxyCalls calls;
    static Address chatbot;

    @BeforeAll
    static void start() {
        user = ServeNetwork.newUser();
        chatbot = ServeNetwork.provider("chatbot");
        proxy = LocalProxy.start(ProxyConfig.of(List.of(
                        ProxyTarget.provider(chatbot, 0),
                        ProxyTarget.provider(ServeNetwork.provider("text-to-image"), 1),
                        ProxyTarget.provider(ServeNetwork.provider("speech-to-text"), 2)))
                .withPort(0), user, log);
        calls = new ProxyCalls(proxy.url());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        user.close();
    }

    @Test
    void shouldAcknowledgeEveryProviderAndStartFundingWithoutABilledRequest() {
        String startUp = String.join("\n", log.lines.subList(0, 7));
        assertThat(startUp).contains("Acknowledging provider " + chatbot.checksummed())
                .contains("✓ Provider " + chatbot.checksummed() + " ready")
                .contains("Inference proxy listening on " + proxy.url() + "/v1 (3 of 3 targets ready)")
                .doesNotContain("POST");
        assertThat(user.inference().account(chatbot).orElseThrow().acknowledged()).isTrue();
        assertThat(user.inference().isAutoFunding(chatbot)).isTrue();
        assertThat(proxy.url().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldAnswerAChatWithTheVerifiedHeaderAndFillInTheModel() {
        try (ChatProxy chat = ChatProxy.start()) {
            ProxyCalls calls = chat.calls();
            RecordingLog log = chat.log();
            ProxyCalls.Reply reply = calls.postJson("/v1/chat/completions", ProxyCalls.chat("hello proxy"));

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.header("x-0g-verified")).contains("true");
            assertThat(reply.header("x-0g-provider")).contains(chatbot.checksummed());
            assertThat(reply.header("x-0g-verification-reason")).isEmpty();
            assertThat(reply.json().path("model").asText()).isEqualTo(ServeNetwork.model("chatbot"));
            assertThat(reply.json().path("choices").get(0).path("message").path("content").asText()).isNotBlank();
            String chatId = reply.header("x-0g-chat-id").orElseThrow();
            assertThat(reply.header("ZG-Res-Key")).contains(chatId);
            assertThat(log.text()).contains("POST /v1/chat/completions -> " + chatbot.checksummed() + " 200 verified=true");

            ProxyCalls.Reply verdict = calls.postJson("/v1/verify", "{\"id\":\"" + chatId + "\"}");
            assertThat(verdict.status()).isEqualTo(200);
            assertThat(verdict.json().path("isValid").asBoolean()).isTrue();
            assertThat(verdict.json().path("provider").asText()).isEqualTo(chatbot.checksummed());
        }
    }

    @Test
    void shouldRelayAStreamAndEndItWithTheVerdictComment() throws Exception {
        try (ChatProxy chat = ChatProxy.start()) {
            ProxyCalls.Reply reply = chat.calls().postJson("/v1/chat/completions",
                    ProxyCalls.streamChat("stream through the proxy"));

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.header("Content-Type").orElseThrow()).startsWith("text/event-stream");
            assertThat(reply.header("x-0g-provider")).contains(chatbot.checksummed());
            String chatId = reply.header("x-0g-chat-id").orElseThrow();
            assertThat(reply.body()).contains("data: [DONE]\n\n").contains("\"usage\"");
            String last = reply.body().substring(reply.body().indexOf("data: [DONE]\n\n") + "data: [DONE]\n\n".length());
            assertThat(last).startsWith(StreamVerdict.PREFIX).endsWith("\n\n");
            JsonNode verdict = ProxyCalls.JSON.readTree(last.substring(StreamVerdict.PREFIX.length()).strip());
            assertThat(verdict.path("verified").asText()).isEqualTo("true");
            assertThat(verdict.path("provider").asText()).isEqualTo(chatbot.checksummed());
            assertThat(verdict.path("chatId").asText()).isEqualTo(chatId);
            assertThat(chat.log().text()).contains("(stream) verified=true provider=" + chatbot.checksummed());
        }
    }

    @Test
    void shouldAcceptTheOfficialStringStreamFlag() {
        try (ChatProxy chat = ChatProxy.start()) {
            ProxyCalls.Reply reply = chat.calls().postJson("/v1/chat/completions",
                    "{\"stream\":\"true\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).contains(StreamVerdict.PREFIX + "{\"verified\":\"true\"");
        }
    }

    @Test
    void shouldGenerateAVerifiedImageFromTheImageProvider() {
        ProxyCalls.Reply reply = calls.postJson("/v1/images/generations",
                "{\"prompt\":\"a red square\",\"response_format\":\"b64_json\",\"size\":\"32x32\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("x-0g-provider")).contains(ServeNetwork.provider("text-to-image").checksummed());
        assertThat(reply.header("x-0g-verified")).contains("true");
        byte[] png = Base64.getDecoder().decode(reply.json().path("data").get(0).path("b64_json").asText());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void shouldTranscribeAMultipartFormAddingTheModelPart() {
        ProxyCalls.Reply reply = calls.postMultipart("/v1/audio/transcriptions", "proxy-test-boundary",
                ProxyCalls.audioForm("proxy-test-boundary", Map.of("response_format", "json")));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("x-0g-provider")).contains(ServeNetwork.provider("speech-to-text").checksummed());
        assertThat(reply.header("x-0g-verified")).contains("true");
        assertThat(reply.json().has("text")).isTrue();
    }

    @Test
    void shouldListTheModelsOfEveryProvider() {
        ProxyCalls.Reply reply = calls.get("/v1/models");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("object").asText()).isEqualTo("list");
        assertThat(reply.json().path("data").findValuesAsText("id")).containsExactly(
                ServeNetwork.model("chatbot"), ServeNetwork.model("text-to-image"), ServeNetwork.model("speech-to-text"));
        assertThat(reply.json().path("data").get(0).path("object").asText()).isEqualTo("model");
    }

    @Test
    void shouldPassAProviderRefusalThroughWithItsStatusAndBody() {
        try (ChatProxy chat = ChatProxy.start()) {
            ProxyCalls.Reply reply = chat.calls().postJson("/v1/chat/completions",
                    "{\"model\":\"no-such-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.header("x-0g-provider")).contains(chatbot.checksummed());
            assertThat(reply.json().path("error").asText()).contains("model not supported").contains("no-such-model");
            assertThat(chat.proxy().status().getFirst().available()).as("a 4xx is the client's mistake, not an outage")
                    .isTrue();
        }
    }

    @Test
    void shouldRefuseAChatWithoutMessagesItself() {
        ProxyCalls.Reply reply = calls.postJson("/v1/chat/completions", "{\"model\":\"dev-model\",\"messages\":[]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("message").asText()).isEqualTo("Missing or invalid messages in request body");
        assertThat(reply.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void shouldRefuseAnImageRequestWithoutPrompt() {
        ProxyCalls.Reply reply = calls.postJson("/v1/images/generations", "{\"n\":1}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("message").asText()).isEqualTo("Missing prompt in request body");
    }

    @Test
    void shouldAnswerUnknownPathsAndWrongMethodsInTheOpenAiShape() {
        assertThat(calls.get("/v1/embeddings").status()).isEqualTo(404);
        ProxyCalls.Reply wrongMethod = calls.get("/v1/chat/completions");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).contains("POST");
    }

    @Test
    void shouldReportHealthAndProviderStatus() {
        ProxyCalls.Reply health = calls.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("ok");

        ProxyCalls.Reply status = calls.get("/v1/providers/status");
        assertThat(status.json().path("providers").findValuesAsText("id")).containsExactly(chatbot.checksummed(),
                ServeNetwork.provider("text-to-image").checksummed(),
                ServeNetwork.provider("speech-to-text").checksummed());
    }

    @Test
    void shouldAnswerAPreflightFromALocalPageWithoutAKey() {
        ProxyCalls.Reply preflight = calls.options("/v1/chat/completions", Map.of(
                "Origin", "http://localhost:5173",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type,x-stainless-os"));

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).contains("http://localhost:5173");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("authorization,content-type,x-stainless-os");
        assertThat(preflight.header("Access-Control-Allow-Methods").orElseThrow()).contains("POST");

        ProxyCalls.Reply models = calls.get("/v1/models", Map.of("Origin", "http://127.0.0.1:8080"));
        assertThat(models.status()).isEqualTo(200);
        assertThat(models.header("Access-Control-Allow-Origin")).contains("http://127.0.0.1:8080");
        assertThat(models.header("Access-Control-Expose-Headers").orElseThrow()).contains("x-0g-verified");
    }

    @Test
    void shouldRefuseOtherSitesSoTheyCannotSpendTheWallet() {
        ProxyCalls.Reply preflight = calls.options("/v1/chat/completions", Map.of(
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();

        ProxyCalls.Reply formPost = calls.postMultipart("/v1/audio/transcriptions", "b",
                ProxyCalls.audioForm("b", Map.of()));
        assertThat(formPost.status()).as("no Origin: a program, allowed").isEqualTo(200);
        int before = log.lines.size();
        ProxyCalls.Reply crossSite = calls.postJson("/v1/chat/completions", ProxyCalls.chat("spend it"),
                Map.of("Origin", "https://evil.example"));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.json().path("error").path("code").asText()).isEqualTo("origin_not_allowed");
        assertThat(log.lines.subList(before, log.lines.size())).noneMatch(line -> line.contains("-> "));
    }

    @Test
    void shouldRequireTheClientKeyWhenOneIsSet() {
        try (ChatProxy keyed = ChatProxy.start(config -> config.withClientApiKey("test-client-key-123"))) {
            ProxyCalls keyedCalls = keyed.calls();

            ProxyCalls.Reply missing = keyedCalls.postJson("/v1/chat/completions", ProxyCalls.chat("hi"));
            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.header("WWW-Authenticate")).contains("Bearer");
            assertThat(missing.json().path("error").path("code").asText()).isEqualTo("invalid_api_key");
            assertThat(keyedCalls.postJson("/v1/chat/completions", ProxyCalls.chat("hi"),
                    Map.of("Authorization", "Bearer wrong-key-456")).status()).isEqualTo(401);
            assertThat(keyedCalls.get("/v1/models").status()).isEqualTo(401);
            assertThat(keyedCalls.get("/health").status()).as("health needs no key").isEqualTo(200);

            ProxyCalls.Reply allowed = keyedCalls.postJson("/v1/chat/completions", ProxyCalls.chat("hi"),
                    Map.of("Authorization", "Bearer test-client-key-123"));
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("x-0g-verified")).contains("true");

            ProxyCalls.Reply preflight = keyedCalls.options("/v1/chat/completions", Map.of(
                    "Origin", "https://app.example", "Access-Control-Request-Method", "POST"));
            assertThat(preflight.status()).as("preflights carry no key; with a key any origin may ask").isEqualTo(204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).contains("*");
        }
    }

    @Test
    void shouldRefuseToListenBeyondThisMachineWithoutAClientKey() {
        ProxyConfig local = ProxyConfig.of(List.of(ProxyTarget.provider(chatbot, 0)));

        assertThatThrownBy(() -> local.withHost("0.0.0.0")).isInstanceOf(CliFailure.class)
                .hasMessageContaining("--host 0.0.0.0 makes the proxy reachable from other machines")
                .satisfies(e -> assertThat(((CliFailure) e).nextStep()).contains("ZG_SERVE_API_KEY"));
        assertThat(local.withHostAndApiKey("0.0.0.0", "a-long-enough-key").host()).isEqualTo("0.0.0.0");
        assertThat(local.withHost("localhost").host()).isEqualTo("localhost");
        assertThat(local.withClientApiKey("a-long-enough-key").toString()).doesNotContain("a-long-enough-key");
    }

    @Test
    void shouldSayThePortIsTakenAndSuggestAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> LocalProxy.start(ProxyConfig.of(List.of(ProxyTarget.provider(chatbot, 0)))
                    .withPort(port), user, ProxyLog.silent()))
                    .isInstanceOf(CliFailure.class)
                    .hasMessage("Port " + port + " is already in use on 127.0.0.1")
                    .satisfies(e -> assertThat(((CliFailure) e).nextStep()).contains("--port"));
        }
    }
}
