package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private static final Secp256k1Key USER_KEY = SignedSessionTokenTest.USER_KEY;
    private static final Address PROVIDER = Address.of("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static final long NOW_MS = 1_700_000_000_123L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW_MS), ZoneOffset.UTC);

    @Test
    void shouldMakeNodeStyleNonce() {
        String nonce = SessionTokens.nonce(CLOCK, new SplittableRandom(1));

        assertThat(nonce).hasSize(32).matches("1700000000123-[0-9a-z]{13}00000");
        assertThat(SessionTokens.nonce(CLOCK, new SplittableRandom(1))).isEqualTo(nonce);
        assertThat(SessionTokens.nonce(CLOCK, new SplittableRandom(2))).isNotEqualTo(nonce);
    }

    @Test
    void shouldMintEphemeralTokenLikeTheSdk() {
        SessionToken token = SessionTokens.ephemeral(
                USER_KEY.address(), "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", 4, CLOCK, Duration.ofHours(1));

        assertThat(token.address()).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assertThat(token.provider()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertThat(token.timestamp()).isEqualTo(NOW_MS);
        assertThat(token.expiresAt()).isEqualTo(NOW_MS + 3_600_000L);
        assertThat(token.generation()).isEqualTo(4);
        assertThat(token.tokenId()).isEqualTo(255);
        assertThat(token.nonce()).hasSize(32).startsWith(NOW_MS + "-");
    }

    @Test
    void shouldDefaultEphemeralValidityTo24Hours() {
        for (Duration validity : new Duration[] {Duration.ZERO, Duration.ofSeconds(-5), Duration.ofHours(24)}) {
            SessionToken token = SessionTokens.ephemeral(USER_KEY.address(), PROVIDER.hex(), 0, CLOCK, validity);

            assertThat(token.expiresAt() - token.timestamp()).isEqualTo(86_400_000L);
        }
    }

    @Test
    void shouldRefuseEphemeralValidityOver24Hours() {
        assertThatThrownBy(() -> SessionTokens.ephemeral(
                        USER_KEY.address(), PROVIDER.hex(), 0, CLOCK, Duration.ofHours(24).plusMillis(1)))
                .isInstanceOf(CoreException.class)
                .hasMessage("ephemeral token validity cannot exceed 24 hours (86400000 ms), got 86400001 ms");
    }

    @Test
    void shouldMintApiKeyTokens() {
        SessionToken never = SessionTokens.apiKey(USER_KEY.address(), PROVIDER.checksummed(), 2, 0, 0, CLOCK);
        SessionToken hour = SessionTokens.apiKey(USER_KEY.address(), PROVIDER.checksummed(), 2, 254, NOW_MS + 3_600_000L, CLOCK);

        assertThat(never.tokenId()).isZero();
        assertThat(never.neverExpires()).isTrue();
        assertThat(hour.tokenId()).isEqualTo(254);
        assertThat(hour.expiresAt()).isEqualTo(NOW_MS + 3_600_000L);
    }

    @Test
    void shouldRefuseBadApiKeyParameters() {
        assertThatThrownBy(() -> SessionTokens.apiKey(USER_KEY.address(), PROVIDER.hex(), 0, 255, 0, CLOCK))
                .hasMessageContaining("0..254");
        assertThatThrownBy(() -> SessionTokens.apiKey(USER_KEY.address(), PROVIDER.hex(), 0, -1, 0, CLOCK))
                .hasMessageContaining("0..254");
        assertThatThrownBy(() -> SessionTokens.apiKey(USER_KEY.address(), PROVIDER.hex(), 0, 1, NOW_MS, CLOCK))
                .hasMessageContaining("not in the future");
        assertThatThrownBy(() -> SessionTokens.apiKey(USER_KEY.address(), PROVIDER.hex(), 0, 1, -1, CLOCK))
                .hasMessageContaining("not in the future");
    }

    @Test
    void shouldRefuseMistypedProviderAddress() {
        assertThatThrownBy(() -> SessionTokens.ephemeral(
                        USER_KEY.address(), "0x70997970C51812dc3A010C7d01b50e0d17dc79c8", 0, CLOCK, Duration.ZERO))
                .isInstanceOf(CoreException.class)
                .hasMessageContaining("EIP-55");
        assertThatThrownBy(() -> SessionTokens.apiKey(USER_KEY.address(), "provider", 0, 1, 0, CLOCK))
                .isInstanceOf(CoreException.class);
    }

    @Test
    void shouldMintTokensTheValidatorAccepts() {
        SessionTokenValidator validator = SessionTokenValidator.create(PROVIDER, CLOCK);
        Optional<AccountTokenState> account = Optional.of(AccountTokenState.fresh());

        for (SessionToken token : new SessionToken[] {
            SessionTokens.ephemeral(USER_KEY.address(), PROVIDER.hex(), 0, CLOCK, Duration.ZERO),
            SessionTokens.apiKey(USER_KEY.address(), PROVIDER.checksummed(), 0, 9, 0, CLOCK),
        }) {
            String header = SignedSessionToken.sign(token, USER_KEY).authorizationHeader();

            assertThat(validator.validate(SignedSessionToken.fromAuthorizationHeader(header), account))
                    .isEqualTo(USER_KEY.address());
        }
    }
}
