package ai.zerog.compute.cli;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.ProviderSelfHeaders;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.SessionToken;
import ai.zerog.compute.core.SessionTokens;
import ai.zerog.compute.core.SignedSessionToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * The provider's own broker logs, fetched as the provider (PROTOCOL.md §3.8): the CLI's key is
 * the provider, its registered service URL names the broker ({@code <url>/v1/logs}), and each
 * request carries {@code Address}, {@code Session-Token} and {@code Session-Signature}.
 */
final class ProviderLogs {
    private static final Duration TOKEN_VALIDITY = Duration.ofHours(1);

    private final Address provider;
    private final URI base;
    private final SignedSessionToken signed;

    private ProviderLogs(Address provider, URI base, SignedSessionToken signed) {
        this.provider = provider;
        this.base = base;
        this.signed = signed;
    }

    /** For the identity the CLI resolves, whose registered service must exist. */
    static ProviderLogs open(CliEnvironment environment, NetworkOptions network) {
        ResolvedNetwork resolved = CliBrokers.network(environment, network);
        Secp256k1Key key = CliIdentity.resolve(environment, CliConfig.load(environment), resolved.chainId(),
                Prompter.of(environment)).key();
        Address provider = key.address();
        Service service;
        try (CliSession session = CliBrokers.readOnly(environment, network)) {
            service = session.broker().inference().getService(provider);
        } catch (RuntimeException e) {
            throw new CliFailure("no service is registered for " + provider.checksummed() + " (" + e.getMessage() + ")",
                    "Start and register your broker first: 0g-compute-cli provider start");
        }
        String url = service.url().strip().replaceAll("/+$", "");
        SessionToken token = SessionTokens.ephemeral(provider, provider.checksummed(), 0, Clock.systemUTC(),
                TOKEN_VALIDITY);
        return new ProviderLogs(provider, URI.create(url + "/v1/logs"), SignedSessionToken.sign(token, key));
    }

    Address provider() {
        return provider;
    }

    JsonNode list(String component) {
        byte[] body = get(URI.create(base + "?component=" + URLEncoder.encode(component, StandardCharsets.UTF_8)));
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new CliFailure("the broker answered no JSON list (" + e.getMessage() + ")", "Check the broker's URL.");
        }
    }

    byte[] file(String component, String filename) {
        return get(URI.create(base + "/" + URLEncoder.encode(component, StandardCharsets.UTF_8).replace("+", "%20")
                + "/" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20")));
    }

    private byte[] get(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        ProviderSelfHeaders.of(provider, signed).forEach(builder::header);
        HttpRequest request = builder.GET().build();
        HttpResponse<byte[]> answer;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CliFailure("cannot reach " + base + " (" + e.getMessage() + ")", "Is your broker running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted", "Retry.");
        }
        if (answer.statusCode() / 100 != 2) {
            throw new CliFailure(errorText(answer), "Check --component and --filename with: 0g-compute-cli inference list-logs");
        }
        return answer.body();
    }

    private static String errorText(HttpResponse<byte[]> answer) {
        try {
            JsonNode error = new ObjectMapper().readTree(answer.body()).path("error");
            if (error.isTextual()) {
                return error.asText();
            }
        } catch (IOException notJson) {
            // fall back to the status
        }
        return "HTTP error! Status: " + answer.statusCode();
    }
}
