package ai.zerog.compute.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void shouldMapJavaOsAndArchToTheAnvilNpmPackage() {
        assertThat(Platform.of("Linux", "amd64").anvilPackage()).isEqualTo("@foundry-rs/anvil-linux-amd64");
        assertThat(Platform.of("Linux", "aarch64").anvilPackage()).isEqualTo("@foundry-rs/anvil-linux-arm64");
        assertThat(Platform.of("Mac OS X", "x86_64").anvilPackage()).isEqualTo("@foundry-rs/anvil-darwin-amd64");
        assertThat(Platform.of("Mac OS X", "aarch64").anvilPackage()).isEqualTo("@foundry-rs/anvil-darwin-arm64");
        assertThat(Platform.of("Windows 11", "amd64").anvilPackage()).isEqualTo("@foundry-rs/anvil-win32-amd64");
    }

    @Test
    void shouldNameTheExeOnWindowsOnly() {
        assertThat(Platform.of("Windows 11", "amd64").anvilFileName()).isEqualTo("anvil.exe");
        assertThat(Platform.of("Linux", "amd64").anvilFileName()).isEqualTo("anvil");
    }

    @Test
    void shouldRefuseUnsupportedPlatformsNamingTheSupportedOnes() {
        assertThatThrownBy(() -> Platform.of("FreeBSD", "amd64"))
                .isInstanceOf(DevnetException.class)
                .hasMessageContaining("FreeBSD on amd64")
                .hasMessageContaining("linux-amd64, linux-arm64, darwin-amd64, darwin-arm64, win32-amd64");
        assertThatThrownBy(() -> Platform.of("Windows 11", "aarch64")).isInstanceOf(DevnetException.class);
        assertThatThrownBy(() -> Platform.of("Linux", "riscv64")).isInstanceOf(DevnetException.class);
    }
}
