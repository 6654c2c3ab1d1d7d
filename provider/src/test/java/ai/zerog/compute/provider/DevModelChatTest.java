package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevModelChatTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private final DevModel model = DevModel.create(DevModelConfig.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));

    private static final String CONVERSATION = """
            {"model":"qwen-test","messages":[
              {"role":"system","content":"You are terse."},
              {"role":"user","content":"Hello, world!"},
              {"role":"assistant","content":"Hi."},
              {"role":"user","content":"Tell me a joke."}]%s}""";

    @Test
    void shouldAnswerTheLastUserMessageWithHonestUsage() throws IOException {
        JsonNode answer = json(send(CONVERSATION.formatted("")));

        String content = answer.at("/choices/0/message/content").textValue();
        assertThat(content).startsWith("Dev model reply to: Tell me a joke.\n");
        assertThat(answer.at("/usage/prompt_tokens").intValue()).isEqualTo(4 + 4 + 2 + 5);
        assertThat(answer.at("/usage/completion_tokens").intValue()).isEqualTo(DevTokenizer.count(content));
        assertThat(answer.at("/usage/total_tokens").intValue()).isEqualTo(15 + DevTokenizer.count(content));
    }

    @Test
    void shouldShapeTheAnswerLikeOpenAi() throws IOException {
        JsonNode answer = json(send(CONVERSATION.formatted("")));

        assertThat(answer.get("id").textValue()).matches("chatcmpl-[0-9a-f]{32}");
        assertThat(answer.get("object").textValue()).isEqualTo("chat.completion");
        assertThat(answer.get("created").longValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(answer.get("model").textValue()).isEqualTo("qwen-test");
        assertThat(answer.at("/choices/0/index").intValue()).isZero();
        assertThat(answer.at("/choices/0/message/role").textValue()).isEqualTo("assistant");
        assertThat(answer.at("/choices/0/finish_reason").textValue()).isEqualTo("stop");
    }

    @Test
    void shouldGiveTheSameReplyForTheSameInputAndADifferentOneOtherwise() throws IOException {
        JsonNode first = json(send(CONVERSATION.formatted("")));
        JsonNode second = json(send(CONVERSATION.formatted("")));
        JsonNode other = json(send("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Tell me a story.\"}]}"));

        assertThat(second.get("choices")).isEqualTo(first.get("choices"));
        assertThat(second.get("usage")).isEqualTo(first.get("usage"));
        assertThat(second.get("id")).isNotEqualTo(first.get("id"));
        assertThat(other.at("/choices/0/message/content").textValue())
                .isNotEqualTo(first.at("/choices/0/message/content").textValue());
    }

    @Test
    void shouldCountTextPartsOfMultimodalContentAndDefaultTheModel() throws IOException {
        JsonNode answer = json(send("""
                {"messages":[{"role":"user","content":[
                  {"type":"text","text":"What is this?"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}]}"""));

        assertThat(answer.at("/usage/prompt_tokens").intValue()).isEqualTo(4);
        assertThat(answer.get("model").textValue()).isEqualTo("dev-model");
        assertThat(answer.at("/choices/0/message/content").textValue()).startsWith("Dev model reply to: What is this?");
    }

    @Test
    void shouldStopAtMaxTokensWithFinishReasonLength() throws IOException {
        JsonNode answer = json(send(CONVERSATION.formatted(",\"max_tokens\":3")));

        assertThat(answer.at("/choices/0/message/content").textValue()).isEqualTo("Dev model reply");
        assertThat(answer.at("/choices/0/finish_reason").textValue()).isEqualTo("length");
        assertThat(answer.at("/usage/completion_tokens").intValue()).isEqualTo(3);
    }

    @Test
    void shouldStreamOneTokenPerChunkThenFinishUsageAndDone() throws IOException {
        String plain = json(send(CONVERSATION.formatted(""))).at("/choices/0/message/content").textValue();

        UpstreamResponse response = model.send(request(CONVERSATION.formatted(
                ",\"stream\":true,\"stream_options\":{\"include_usage\":true}")));
        SseEvents events = SseEvents.parse(body(response));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/event-stream");
        List<JsonNode> chunks = events.chunks();
        assertThat(events.content()).isEqualTo(plain);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.get("object").textValue()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.get("id")).isEqualTo(chunks.getFirst().get("id"));
            assertThat(chunk.get("model").textValue()).isEqualTo("qwen-test");
        });
        assertThat(chunks.getFirst().at("/choices/0/delta/role").textValue()).isEqualTo("assistant");
        int contentChunks = chunks.size() - 3;
        assertThat(contentChunks).isEqualTo(DevTokenizer.count(plain));
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.at("/choices/0/finish_reason").textValue()).isEqualTo("stop");
        assertThat(finish.at("/choices/0/delta").isEmpty()).isTrue();
        assertThat(finish.get("usage").isNull()).isTrue();
        JsonNode usage = chunks.getLast();
        assertThat(usage.get("choices").isEmpty()).isTrue();
        assertThat(usage.at("/usage/prompt_tokens").intValue()).isEqualTo(15);
        assertThat(usage.at("/usage/completion_tokens").intValue()).isEqualTo(contentChunks);
        assertThat(usage.at("/usage/total_tokens").intValue()).isEqualTo(15 + contentChunks);
    }

    @Test
    void shouldLeaveOutTheUsageChunkUnlessIncludeUsageIsSet() throws IOException {
        SseEvents events = SseEvents.parse(body(model.send(request(CONVERSATION.formatted(",\"stream\":true")))));

        List<JsonNode> chunks = events.chunks();
        assertThat(chunks.getLast().at("/choices/0/finish_reason").textValue()).isEqualTo("stop");
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.has("usage")).isFalse());
    }

    @Test
    void shouldAnswer400WithOpenAiErrorForMalformedBodies() throws IOException {
        for (String bad : List.of("{not json", "[]", "{\"model\":\"m\"}", "{\"messages\":[]}",
                "{\"messages\":[{\"content\":\"no role\"}]}", "{\"messages\":[{\"role\":\"user\",\"content\":5}]}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":0}")) {
            UpstreamResponse response = model.send(request(bad));

            assertThat(response.status()).as(bad).isEqualTo(400);
            JsonNode error = json(body(response)).get("error");
            assertThat(error.get("type").textValue()).isEqualTo("invalid_request_error");
            assertThat(error.get("message").textValue()).isNotBlank();
        }
    }

    @Test
    void shouldAnswer404ForUnknownEndpointsAndIgnoreQueryAndTrailingSlash() throws IOException {
        UpstreamResponse unknown = model.send(new UpstreamRequest("/embeddings", "application/json", "{}".getBytes()));
        UpstreamResponse withQuery = model.send(new UpstreamRequest("/chat/completions/?x=1", "application/json",
                CONVERSATION.formatted("").getBytes(StandardCharsets.UTF_8)));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(json(body(unknown)).at("/error/message").textValue()).contains("/v1/embeddings");
        assertThat(withQuery.status()).isEqualTo(200);
    }

    private String send(String body) throws IOException {
        UpstreamResponse response = model.send(request(body));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        return body(response);
    }

    private static UpstreamRequest request(String body) {
        return new UpstreamRequest("/chat/completions", "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(UpstreamResponse response) throws IOException {
        try (response) {
            return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode json(String text) {
        return SseEvents.json(text);
    }
}
