package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.AdmissionRule;
import ai.zerog.compute.core.ProviderError;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Broker error answers, written with the shared catalogue, become the exception a caller handles. */
class ProviderHttpFailureTest {
    static final Address PROVIDER = Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    static final URI URL = URI.create("http://provider.example/v1/proxy/chat/completions");

    @Test
    void shouldCarryLockedAndRequiredOfAnInsufficientBalance() {
        String text = AdmissionRule.insufficientBalanceMessage(Units.toNeuron("0.5"), BigInteger.ZERO,
                Units.toNeuron("0.2"), PROVIDER);
        SdkException failure = failure(400, Jsons.MAPPER.createObjectNode().put("error", text).toString(), Map.of());
        assertThat(failure).isInstanceOfSatisfying(InsufficientSubAccountBalanceException.class, e -> {
            assertThat(e.locked()).isEqualTo(Units.toNeuron("0.5"));
            assertThat(e.required()).isEqualTo(Units.toNeuron("1.2"));
            assertThat(e.provider()).isEqualTo(PROVIDER);
        });
    }

    @Test
    void shouldRecogniseAnOfficialBrokersWrappedInsufficientBalance() {
        String body = "{\"error\":\"validate request: insufficient balance: your locked balance is 0.3 0G, but the"
                + " required minimum is 1.01 0G (breakdown: ...)\"}";
        assertThat(failure(400, body, Map.of())).isInstanceOfSatisfying(InsufficientSubAccountBalanceException.class,
                e -> assertThat(e.required()).isEqualTo(Units.toNeuron("1.01")));
    }

    @Test
    void shouldTakeRetryAfterFromTheHeaderOrDefaultToTwoSeconds() {
        assertThat(failure(429, ProviderError.RATE_LIMITED.json(30), Map.of("Retry-After", List.of("7"))))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThat(failure(429, ProviderError.TOO_MANY_CONCURRENT.json(5, 5), Map.of()))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(ProviderHttp.DEFAULT_RETRY_AFTER));
    }

    @Test
    void shouldMapNotAcknowledgedAndMissingAccountToProviderNotAcknowledged() {
        assertThat(failure(400, ProviderError.USER_NOT_ACKNOWLEDGED.json(PROVIDER.hex()), Map.of()))
                .isInstanceOf(ProviderNotAcknowledgedException.class);
        assertThat(failure(400, ProviderError.ACCOUNT_NOT_FOUND.json(PROVIDER.hex()), Map.of()))
                .isInstanceOf(ProviderNotAcknowledgedException.class);
    }

    @Test
    void shouldTreatGatewayErrorsAsUnreachableAndKeepOtherMessages() {
        assertThat(failure(502, ProviderError.UPSTREAM_UNAVAILABLE.json("down"), Map.of()))
                .isInstanceOfSatisfying(ProviderUnreachableException.class, e -> assertThat(e.url()).isEqualTo(URL));
        assertThat(failure(400, ProviderError.TOKEN_EXPIRED.json(), Map.of()))
                .isExactlyInstanceOf(SdkException.class).hasMessageContaining("session token expired");
        assertThat(failure(500, "<html>oops</html>", Map.of()))
                .isExactlyInstanceOf(SdkException.class).hasMessageContaining("HTTP 500").hasMessageContaining("oops");
    }

    private static SdkException failure(int status, String body, Map<String, List<String>> headers) {
        return ProviderHttp.failure(PROVIDER, URL,
                new ProviderHttp.Answer(status, headers, body.getBytes(StandardCharsets.UTF_8)), Optional.empty());
    }
}
