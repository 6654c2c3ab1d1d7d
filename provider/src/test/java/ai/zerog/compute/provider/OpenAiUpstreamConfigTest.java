package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenAiUpstreamConfigTest {
    private static final URI BASE = URI.create("http://gpu-box:8000/v1");

    @Test
    void shouldUseDefaultsAndDropATrailingSlash() {
        OpenAiUpstreamConfig config = OpenAiUpstreamConfig.of(URI.create("https://gpu-box:8000/v1/"));

        assertThat(config.baseUrl()).isEqualTo(URI.create("https://gpu-box:8000/v1"));
        assertThat(config.apiKey()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(OpenAiUpstreamConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(config.idleTimeout()).isEqualTo(OpenAiUpstreamConfig.DEFAULT_IDLE_TIMEOUT);
    }

    @Test
    void shouldNeverShowTheApiKeyInToString() {
        OpenAiUpstreamConfig config = OpenAiUpstreamConfig.of(BASE).withApiKey("sk-secret-value");

        assertThat(config.toString()).doesNotContain("sk-secret-value").contains("apiKey=<set>").contains("gpu-box");
    }

    @Test
    void shouldRejectBadBaseUrlsNamingTheKey() {
        for (String bad : new String[] {"gpu-box:8000/v1", "ftp://gpu-box/v1", "/v1", "http://gpu-box/v1?x=1"}) {
            assertThatThrownBy(() -> OpenAiUpstreamConfig.of(URI.create(bad)))
                    .isInstanceOf(ProviderException.class).hasMessageContaining("baseUrl");
        }
        assertThatThrownBy(() -> OpenAiUpstreamConfig.of(URI.create("http://user:pw@gpu-box/v1")))
                .isInstanceOf(ProviderException.class).hasMessageContaining("credentials").hasMessageNotContaining("pw");
    }

    @Test
    void shouldRejectBlankKeysAndTimeoutsOutOfBoundsNamingKeyAndBound() {
        OpenAiUpstreamConfig config = OpenAiUpstreamConfig.of(BASE);

        assertThatThrownBy(() -> config.withApiKey(" ")).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> config.withApiKey("sk\r\nX-Evil: 1")).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> config.withConnectTimeout(Duration.ZERO))
                .hasMessageContaining("connectTimeout").hasMessageContaining("PT5M").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> config.withIdleTimeout(Duration.ofHours(2)))
                .hasMessageContaining("idleTimeout").hasMessageContaining("PT1H");
        assertThatThrownBy(() -> new OpenAiUpstreamConfig(BASE, Optional.empty(), Duration.ofSeconds(1), Duration.ofMillis(-1)))
                .isInstanceOf(ProviderException.class).hasMessageContaining("idleTimeout");
    }

    @Test
    void shouldRejectEndpointsWithoutLeadingSlash() {
        try (OpenAiUpstream upstream = OpenAiUpstream.create(OpenAiUpstreamConfig.of(BASE))) {
            assertThatThrownBy(() -> upstream.send(UpstreamContractTest.json("chat/completions", "{}")))
                    .isInstanceOf(ProviderException.class).hasMessageContaining("must start with '/'");
        }
    }
}
