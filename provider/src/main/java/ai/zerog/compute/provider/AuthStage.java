package ai.zerog.compute.provider;

/** Stage 1 of a billed request: who is asking (PROTOCOL.md §3.6). */
final class AuthStage implements ProxyHandler {
    private final ProxyHandler next;
    private final SessionAuthenticator authenticator;

    AuthStage(ProxyHandler next, SessionAuthenticator authenticator) {
        this.next = next;
        this.authenticator = authenticator;
    }

    @Override
    public void handle(ProxyExchange exchange) {
        exchange.authenticated(authenticator.authenticate(exchange.authorization()));
        next.handle(exchange);
    }
}
