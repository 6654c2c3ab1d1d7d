package ai.zerog.compute.provider;

/**
 * One stage of a billed request (auth, limits, account, upstream). Stages wrap the next one
 * and are composed once, in {@link ProviderServer}; a stage rejects a request by throwing
 * {@link BrokerErrorException}.
 */
@FunctionalInterface
interface ProxyHandler {
    void handle(ProxyExchange exchange);
}
