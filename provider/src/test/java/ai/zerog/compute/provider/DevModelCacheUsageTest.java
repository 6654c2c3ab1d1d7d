package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The dev model's opt-in cache counts, reported as configured so the broker's clamping can be tested. */
class DevModelCacheUsageTest {
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a b c\"}]}";

    private static JsonNode usage(DevModel model) throws IOException {
        try (UpstreamResponse response = model.send(new UpstreamRequest("/chat/completions", "application/json",
                CHAT.getBytes(StandardCharsets.UTF_8)))) {
            return SseEvents.json(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).get("usage");
        }
    }

    @Test
    void reportsTheConfiguredCacheCountsEvenBeyondThePrompt() throws IOException {
        JsonNode usage = usage(DevModel.create(DevModelConfig.defaults().withCacheUsage(5, 4, 100)));

        assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(3);
        assertThat(usage.at("/prompt_tokens_details/cached_tokens").asInt()).isEqualTo(5);
        assertThat(usage.get("cache_write_tokens").asInt()).isEqualTo(4);
        assertThat(usage.get("cache_write_1h_tokens").asInt()).isEqualTo(100);
    }

    @Test
    void reportsNoCacheKeysByDefault() throws IOException {
        JsonNode usage = usage(DevModel.create());

        assertThat(usage.has("prompt_tokens_details")).isFalse();
        assertThat(usage.has("cache_write_tokens")).isFalse();
        assertThat(usage.has("cache_write_1h_tokens")).isFalse();
        assertThatThrownBy(() -> DevModelConfig.defaults().withCacheUsage(-1, 0, 0))
                .isInstanceOf(ProviderException.class);
    }
}
