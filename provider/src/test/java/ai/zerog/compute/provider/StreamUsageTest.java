package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which relayed SSE events are parsed for the usage the fee is billed from. */
class StreamUsageTest {
    @Test
    void shouldSkipEventsWhoseUsageIsNullOrAbsent() {
        assertThat(UpstreamStage.mayCarryUsage("data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}],\"usage\":null}"))
                .isFalse();
        assertThat(UpstreamStage.mayCarryUsage("data: {\"usage\" :  null,\"choices\":[]}")).isFalse();
        assertThat(UpstreamStage.mayCarryUsage("data: {\"choices\":[]}")).isFalse();
    }

    @Test
    void shouldParseEventsWithAUsageObjectEvenAfterAQuotedNullOne() {
        assertThat(UpstreamStage.mayCarryUsage("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3}}")).isTrue();
        assertThat(UpstreamStage.mayCarryUsage(
                "data: {\"content\":\"say \\\"usage\\\": null\",\"usage\":{\"prompt_tokens\":3}}")).isTrue();
    }
}
