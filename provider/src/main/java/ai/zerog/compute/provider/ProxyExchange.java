package ai.zerog.compute.provider;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Fee;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One billed proxy request as it passes the stages: what the client sent, and what earlier
 * stages learned (the authenticated user, their sub-account). Headers stages want on a
 * successful answer are collected here and written by the final stage, which also notes how it
 * answered (streamed, charged) for the metrics.
 */
final class ProxyExchange {
    private final ProxyEndpoint endpoint;
    private final String contentType;
    private final byte[] body;
    private final Optional<String> authorization;
    private final ServerResponse response;
    private final String baseUrl;
    private final Map<String, String> successHeaders = new LinkedHashMap<>();
    private Address user;
    private Account account;
    private boolean streamed;
    private Fee charged;

    ProxyExchange(ProxyEndpoint endpoint, String contentType, byte[] body, Optional<String> authorization,
                  ServerResponse response, String baseUrl) {
        this.endpoint = endpoint;
        this.contentType = contentType;
        this.body = body;
        this.authorization = authorization;
        this.response = response;
        this.baseUrl = baseUrl;
    }

    ProxyEndpoint endpoint() {
        return endpoint;
    }

    String contentType() {
        return contentType;
    }

    byte[] body() {
        return body;
    }

    Optional<String> authorization() {
        return authorization;
    }

    ServerResponse response() {
        return response;
    }

    /** The broker's base URL as this client reached it, e.g. {@code https://broker.example}, for URLs we hand out. */
    String baseUrl() {
        return baseUrl;
    }

    Address user() {
        if (user == null) {
            throw new IllegalStateException("no authenticated user yet: the auth stage must run first");
        }
        return user;
    }

    void authenticated(Address value) {
        this.user = value;
    }

    Account account() {
        if (account == null) {
            throw new IllegalStateException("no account yet: the account stage must run first");
        }
        return account;
    }

    void account(Account value) {
        this.account = value;
    }

    void addSuccessHeader(String name, String value) {
        successHeaders.put(name, value);
    }

    Map<String, String> successHeaders() {
        return successHeaders;
    }

    /** The answer is being relayed as server-sent events. */
    void answeredAsStream() {
        this.streamed = true;
    }

    boolean streamed() {
        return streamed;
    }

    /** {@code fee} was recorded in the fee store for this request. */
    void charged(Fee fee) {
        this.charged = fee;
    }

    Optional<Fee> charged() {
        return Optional.ofNullable(charged);
    }
}
