package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProviderErrorTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("%[sd]");

    @ParameterizedTest
    @EnumSource(ProviderError.class)
    void shouldMapEveryOwnAnswerBackToItsEntry(ProviderError error) {
        String body = error.json(sampleArgs(error));

        assertThat(ProviderError.fromResponse(error.httpStatus(), body)).contains(error);
        // Official brokers put a context in front of the text.
        if (error.httpStatus() < 500) {
            String wrapped = "{\"error\":\"validate session: " + error.message(sampleArgs(error)).replace("\"", "\\\"") + "\"}";
            assertThat(ProviderError.fromResponse(error.httpStatus(), wrapped)).contains(error);
        }
    }

    @Test
    void shouldRecogniseOfficialBrokerTexts() {
        assertThat(official(400, "validate session: missing or invalid Authorization header, must be Bearer app-sk-<base64(rawMessage:signature)>"))
                .isEqualTo(ProviderError.MISSING_AUTHORIZATION);
        assertThat(official(400, "invalid Authorization payload, expect base64(rawMessage:signature)"))
                .isEqualTo(ProviderError.TOKEN_INVALID_PAYLOAD);
        assertThat(official(400, "validate session: session token has been revoked (generation expired)"))
                .isEqualTo(ProviderError.TOKEN_GENERATION_REVOKED);
        assertThat(official(400, "validate session: session token has been revoked")).isEqualTo(ProviderError.TOKEN_REVOKED);
        assertThat(official(400, "user not acknowledge the provider, please use acknowledgeProviderSigner function in sdk first,"
                        + " it will take effect in 2 minutes"))
                .isEqualTo(ProviderError.USER_NOT_ACKNOWLEDGED);
        assertThat(official(400, "get account from contract, account not exist")).isEqualTo(ProviderError.ACCOUNT_NOT_FOUND);
        assertThat(official(400, "insufficient balance: your locked balance is 0.100000 0G, but the required minimum is 1.000000 0G"))
                .isEqualTo(ProviderError.INSUFFICIENT_BALANCE);
        assertThat(official(400, "Chat id not found or expired, chat_id_not_found")).isEqualTo(ProviderError.SIGNATURE_NOT_FOUND);
        assertThat(official(401, "authentication required: session token expired")).isEqualTo(ProviderError.TOKEN_EXPIRED);
        assertThat(official(429, "Rate limit exceeded. Please slow down your request rate (limit: 30 requests/min)."))
                .isEqualTo(ProviderError.RATE_LIMITED);
        assertThat(official(429, "Too many concurrent requests. You have 5 active requests (limit: 5). Please wait for some to complete."))
                .isEqualTo(ProviderError.TOO_MANY_CONCURRENT);
        assertThat(official(502, "Bad Gateway")).isEqualTo(ProviderError.UPSTREAM_UNAVAILABLE);
        assertThat(official(500, "Internal Server Error")).isEqualTo(ProviderError.INTERNAL_ERROR);
    }

    @Test
    void shouldNotClaimUpstreamOrForeignBodies() {
        assertThat(ProviderError.fromResponse(429, "{\"error\":{\"message\":\"Rate limit exceeded\",\"type\":\"x\"}}")).isEmpty();
        assertThat(ProviderError.fromResponse(400, "<html>bad request</html>")).isEmpty();
        assertThat(ProviderError.fromResponse(400, "{\"error\":\"something else entirely\"}")).isEmpty();
        assertThat(ProviderError.fromResponse(400, "{\"message\":\"session token expired\"}")).isEmpty();
        assertThat(ProviderError.fromResponse(503, "{\"error\":\"Service Unavailable\"}")).isEmpty();
    }

    @Test
    void shouldWriteTheLimiterTextsOfSection8Exactly() {
        assertThat(ProviderError.RATE_LIMITED.json(30))
                .isEqualTo("{\"error\":\"Rate limit exceeded. Please slow down your request rate (limit: 30 requests/min).\"}");
        assertThat(ProviderError.TOO_MANY_CONCURRENT.message(5, 5))
                .isEqualTo("Too many concurrent requests. You have 5 active requests (limit: 5). Please wait for some to complete.");
        assertThat(ProviderError.SERVER_BUSY.message())
                .isEqualTo("Server is currently processing too many requests. Please try again later.");
        assertThat(ProviderError.SERVER_BUSY.httpStatus()).isEqualTo(503);
    }

    @Test
    void shouldHideInternalDetailsBehindTheStatusText() {
        assertThat(ProviderError.UPSTREAM_UNAVAILABLE.message("connection refused to 10.0.0.3:8000")).isEqualTo("Bad Gateway");
        assertThat(ProviderError.UPSTREAM_UNAVAILABLE.json("x")).isEqualTo("{\"error\":\"Bad Gateway\"}");
        assertThat(ProviderError.UPSTREAM_UNAVAILABLE.describe("connection refused"))
                .isEqualTo("upstream model server unavailable: connection refused");
        assertThat(ProviderError.INTERNAL_ERROR.message("db locked")).isEqualTo("Internal Server Error");
    }

    @Test
    void shouldEscapeMessagesInJson() {
        assertThat(ProviderError.MODEL_NOT_SUPPORTED.json("a\"b\\c\n", "m"))
                .isEqualTo("{\"error\":\"model not supported: requested 'a\\\"b\\\\c\\n', only 'm' is available\"}");
    }

    @Test
    void shouldCheckArgumentCount() {
        assertThat(ProviderError.TOO_MANY_CONCURRENT.argumentCount()).isEqualTo(2);
        assertThatThrownBy(() -> ProviderError.TOO_MANY_CONCURRENT.message(5)).isInstanceOf(CoreException.class)
                .hasMessage("TOO_MANY_CONCURRENT needs 2 message argument(s), got 1");
        assertThatThrownBy(() -> ProviderError.TOKEN_EXPIRED.json("extra")).isInstanceOf(CoreException.class);
    }

    @Test
    void shouldKeepStatusesAndStatusTextMatchesUnambiguous() {
        Set<Integer> hiddenStatuses = new HashSet<>();
        for (ProviderError error : ProviderError.values()) {
            assertThat(error.httpStatus()).isIn(400, 403, 404, 413, 429, 500, 502, 503);
            if (error.httpStatus() >= 500 && !error.message(sampleArgs(error)).equals(error.describe(sampleArgs(error)))) {
                assertThat(hiddenStatuses.add(error.httpStatus())).as("one hidden entry per status: %s", error).isTrue();
            }
        }
        assertThat(ProviderError.USER_NOT_ACKNOWLEDGED.message("0xabc"))
                .contains("`0g-compute-cli inference acknowledge-provider --provider 0xabc`");
    }

    @Test
    void shouldKeepTheOfficialTextFirstAndAddTheFixForAMissingSubAccount() {
        assertThat(ProviderError.ACCOUNT_NOT_FOUND.json("0xabc"))
                .isEqualTo("{\"error\":\"get account from contract, account not exist; create your sub-account with this"
                        + " provider with `0g-compute-cli transfer-fund --provider 0xabc --amount 1`\"}");
        assertThat(ProviderError.ACCOUNT_NOT_FOUND.httpStatus()).isEqualTo(400);
    }

    private static ProviderError official(int status, String text) {
        return ProviderError.fromResponse(status, "{\"error\":\"" + text + "\"}").orElseThrow();
    }

    private static Object[] sampleArgs(ProviderError error) {
        List<Object> args = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(error.template());
        while (matcher.find()) {
            args.add(matcher.group().equals("%d") ? (Object) 7 : "x");
        }
        return args.toArray();
    }
}
