package ai.zerog.compute.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The official OpenAI client for Node (npm {@code openai}) against the proxy: a chat and a streamed chat. */
class OpenAiNodeClientTest {

    @Test
    void shouldChatAndStreamThroughTheProxyWithTheOfficialNodeClient() {
        Address chatbot = ServeNetwork.provider("chatbot");
        try (ZgComputeBroker user = ServeNetwork.newUser();
             LocalProxy proxy = LocalProxy.start(ProxyConfig.of(List.of(ProxyTarget.provider(chatbot, 0)))
                     .withPort(0).withClientApiKey("node-client-key-1"), user, ProxyLog.silent())) {
            JsonNode result = OpenAiNodeClient.chatAndStream(URI.create(proxy.url() + "/v1"), "node-client-key-1",
                    ServeNetwork.model("chatbot"));

            JsonNode chat = result.path("chat");
            assertThat(chat.path("content").asText()).isNotBlank();
            assertThat(chat.path("promptTokens").asInt()).isPositive();
            assertThat(chat.path("verified").asText()).isEqualTo("true");
            assertThat(chat.path("provider").asText()).isEqualTo(chatbot.checksummed());
            JsonNode stream = result.path("stream");
            assertThat(stream.path("content").asText()).isNotBlank();
            assertThat(stream.path("chunks").asInt()).isGreaterThan(1);
            assertThat(stream.path("totalTokens").asInt()).isPositive();
            assertThat(stream.path("contentType").asText()).startsWith("text/event-stream");
            assertThat(stream.path("provider").asText()).isEqualTo(chatbot.checksummed());
            assertThat(stream.path("chatId").asText()).isNotBlank();
        }
    }
}
