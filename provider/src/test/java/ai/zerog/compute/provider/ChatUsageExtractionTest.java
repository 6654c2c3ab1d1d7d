package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.ChatUsage;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The counts billed from an upstream chat usage object (PROTOCOL.md §7.2), cache counts included. */
class ChatUsageExtractionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ChatUsage usage(String json) throws Exception {
        return Billing.chatUsage(JSON.readTree(json));
    }

    @Test
    void readsPromptCompletionAndCachedTokens() throws Exception {
        assertThat(usage("{\"prompt_tokens\":1000,\"completion_tokens\":50,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":200}}")).isEqualTo(new ChatUsage(1000, 50, 200, 0, 0));
        assertThat(usage("{\"prompt_tokens\":\"12\",\"completion_tokens\":3}")).as("numeric strings count")
                .isEqualTo(new ChatUsage(12, 3));
        assertThat(usage("{\"prompt_tokens\":7,\"completion_tokens\":-2,\"prompt_tokens_details\":null}"))
                .as("negative and missing count 0").isEqualTo(new ChatUsage(7, 0));
    }

    @Test
    void readsCacheWritesNestedOrAtTheTopLevelWithoutAddingThemUp() throws Exception {
        assertThat(usage("{\"prompt_tokens\":1000,\"completion_tokens\":50,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":200,\"cache_write_tokens\":300}}"))
                .isEqualTo(new ChatUsage(1000, 50, 200, 300, 0));
        assertThat(usage("{\"prompt_tokens\":1000,\"completion_tokens\":50,\"cache_write_tokens\":300,"
                + "\"cache_write_1h_tokens\":40}")).isEqualTo(new ChatUsage(1000, 50, 0, 300, 40));
        assertThat(usage("{\"prompt_tokens\":1000,\"completion_tokens\":50,\"cache_write_tokens\":300,"
                + "\"prompt_tokens_details\":{\"cache_write_tokens\":300}}")).as("one quantity reported twice")
                .isEqualTo(new ChatUsage(1000, 50, 0, 300, 0));
    }
}
