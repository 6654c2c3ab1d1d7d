package ai.zerog.compute.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.sdk.StatusApi;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** {@code ZG_STATUS_API} as the web UI reads it: the CLI's meaning (URL, off, unset for the chain's own). */
class WebUiConfigTest {
    private final WebUiConfig base = new WebUiConfig("127.0.0.1", 0, NetworkProfile.DEVNET);

    @Test
    void shouldHaveNoStatusApiUnlessOneIsChosen() {
        assertThat(base.statusApi()).isEmpty();
    }

    @Test
    void shouldPickTheChainsOfficialStatusApiWhenTheSettingIsUnset() {
        assertThat(base.withStatusApiSetting("").statusApi()).hasValue(StatusApi.TESTNET);
        assertThat(new WebUiConfig("localhost", 3090, NetworkProfile.MAINNET).withStatusApiSetting(" ").statusApi())
                .hasValue(StatusApi.MAINNET);
        assertThat(WebUiConfig.defaults(NetworkProfile.TESTNET).statusApi()).hasValue(StatusApi.TESTNET);
    }

    @Test
    void shouldUseAGivenUrlAndNoneForOff() {
        assertThat(base.withStatusApiSetting(" http://127.0.0.1:9/ ").statusApi()).hasValue(URI.create("http://127.0.0.1:9/"));
        assertThat(base.withStatusApiSetting("OFF").statusApi()).isEmpty();
    }

    @Test
    void shouldRefuseAnythingButAnHttpUrlNamingTheSetting() {
        for (String bad : new String[] {"not a url", "ftp://example.org", "compute-status.0g.ai"}) {
            assertThatThrownBy(() -> base.withStatusApiSetting(bad)).isInstanceOf(WebUiException.class)
                    .hasMessage("invalid ZG_STATUS_API '" + bad + "': expected an http(s) URL or off");
        }
    }
}
