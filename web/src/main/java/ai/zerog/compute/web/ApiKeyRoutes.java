package ai.zerog.compute.web;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ApiKey;
import ai.zerog.compute.sdk.ServiceMetadata;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Persistent API keys ({@code app-sk-…}) for apps and snippets: create (a signature, no
 * transaction), list with their on-chain revocation state, revoke (a transaction).
 */
final class ApiKeyRoutes {
    private static final Pattern VALIDITY = Pattern.compile("(\\d{1,4})([hdw])");

    private final Wallets wallets;
    private final ApiKeyRegistry registry;
    private final BrowserTransactions browserTransactions;
    private final Clock clock;

    ApiKeyRoutes(Wallets wallets, ApiKeyRegistry registry, BrowserTransactions browserTransactions, Clock clock) {
        this.wallets = wallets;
        this.registry = registry;
        this.browserTransactions = browserTransactions;
        this.clock = clock;
    }

    void register(HttpRouting.Builder routing) {
        routing.get("/api/keys", ApiHandler.guarded(this::list))
                .post("/api/keys", ApiHandler.guarded(this::create))
                .post("/api/keys/revoke", ApiHandler.guarded(this::revoke));
    }

    private void list(ServerRequest request, ServerResponse response) {
        Wallet wallet = wallets.forRequest(request);
        Json.ok(response, listJson(wallet));
    }

    private ObjectNode listJson(Wallet wallet) {
        ObjectNode body = Json.object();
        ArrayNode keys = body.putArray("keys");
        Map<Address, Optional<Account>> accounts = new HashMap<>();
        for (ApiKeyRegistry.Entry entry : registry.of(wallet.address()).reversed()) {
            Optional<Account> account = accounts.computeIfAbsent(entry.provider(),
                    p -> wallet.broker().inference().account(p));
            boolean revoked = account.map(a -> a.isTokenRevoked(entry.key().tokenId())).orElse(false);
            boolean expired = entry.key().expiresAt().map(at -> !at.isAfter(clock.instant())).orElse(false);
            ObjectNode key = keyJson(entry).put("revoked", revoked).put("expired", expired);
            keys.add(key);
        }
        return body;
    }

    private void create(ServerRequest request, ServerResponse response) {
        Wallet wallet = wallets.forRequest(request);
        JsonNode body = Json.body(request);
        Address provider = Params.address(body, "provider");
        String name = Json.optionalText(body, "name").orElse("");
        if (name.length() > 50) {
            throw ApiProblem.badRequest("the key's name is longer than 50 characters: shorten it");
        }
        Optional<Duration> validity = validity(Json.optionalText(body, "validity").orElse("never"));
        ZgComputeBroker broker = wallet.broker();
        if (broker.inference().account(provider).isEmpty()) {
            throw new ApiProblem(409, "You have no sub-account with provider " + provider.checksummed() + " yet."
                    + " Transfer funds to it first (at least 1 0G), then create the key.",
                    Map.of("action", "transfer", "provider", provider.checksummed(), "amount", "1"));
        }
        ApiKey key = validity.map(v -> broker.inference().createApiKey(provider, v))
                .orElseGet(() -> broker.inference().createApiKey(provider));
        ApiKeyRegistry.Entry entry = new ApiKeyRegistry.Entry(provider, key, name, clock.instant());
        registry.add(wallet.address(), entry);
        Json.ok(response, keyJson(entry).put("revoked", false).put("expired", false));
    }

    private void revoke(ServerRequest request, ServerResponse response) {
        Wallet wallet = wallets.forRequest(request);
        JsonNode body = Json.body(request);
        Address provider = Params.address(body, "provider");
        int tokenId = body.path("tokenId").asInt(-1);
        if (tokenId < 0 || tokenId > 254) {
            throw ApiProblem.badRequest("tokenId must be 0..254");
        }
        if (wallet.inBrowser()) {
            Json.ok(response, browserTransactions.revokeToken(wallet.address(), provider, tokenId));
            return;
        }
        wallet.broker().inference().revokeApiKey(provider, tokenId);
        ObjectNode done = Json.object().put("done", true);
        done.set("keys", listJson(wallet).get("keys"));
        Json.ok(response, done);
    }

    private ObjectNode keyJson(ApiKeyRegistry.Entry entry) {
        ObjectNode json = Json.object()
                .put("provider", entry.provider().checksummed())
                .put("tokenId", entry.key().tokenId())
                .put("key", entry.key().key())
                .put("name", entry.name())
                .put("createdAt", entry.createdAt().toString())
                .put("expiresAt", entry.key().expiresAt().map(Object::toString).orElse("never"));
        try {
            ServiceMetadata service = wallets.reader().inference().serviceMetadata(entry.provider());
            json.put("endpoint", service.endpoint().toString()).put("model", service.model());
        } catch (RuntimeException unknownNow) {
            json.put("endpoint", "").put("model", "");
        }
        return json;
    }

    /** {@code never}, or a count of hours, days or weeks such as {@code 24h} or {@code 7d}. */
    static Optional<Duration> validity(String text) {
        if (text.equalsIgnoreCase("never")) {
            return Optional.empty();
        }
        Matcher m = VALIDITY.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            throw ApiProblem.badRequest("validity must be 'never' or a duration such as 1h, 24h, 7d or 4w; got '"
                    + text + "'");
        }
        long count = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "h" -> Duration.ofHours(count);
            case "d" -> Duration.ofDays(count);
            default -> Duration.ofDays(7 * count);
        });
    }
}
