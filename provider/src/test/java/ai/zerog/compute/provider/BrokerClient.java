package ai.zerog.compute.provider;

import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.SessionToken;
import ai.zerog.compute.core.SessionTokens;
import ai.zerog.compute.core.SignedSessionToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** A plain HTTP client for the broker in tests, minting session tokens with core. */
final class BrokerClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String provider;

    BrokerClient(URI base, String provider) {
        this.base = base;
        this.provider = provider;
    }

    String bearer(Secp256k1Key user) {
        return bearer(user, SessionTokens.ephemeral(user.address(), provider, 0, Clock.systemUTC(), Duration.ofHours(1)));
    }

    static String bearer(Secp256k1Key signer, SessionToken token) {
        return SignedSessionToken.sign(token, signer).authorizationHeader();
    }

    HttpResponse<String> chat(String authorization, String body) {
        return post("/v1/proxy/chat/completions", authorization, "application/json", body);
    }

    HttpResponse<String> post(String path, String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to the broker failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String chatBody(String content) {
        return "{\"model\":\"" + BrokerFixture.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";
    }
}
