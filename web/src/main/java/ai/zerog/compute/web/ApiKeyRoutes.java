package ai.zerog.compute.web;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ApiKey;
import ai.zerog.compute.sdk.InvalidInputException;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Persistent API keys ({@code app-sk-…}) for apps and snippets: create (a signature, no
 * transaction) on a token id no other stored key holds, list with their on-chain revocation
 * state, revoke one (a transaction), and Refresh All Slots (revoke all: a generation bump that
 * kills every key for the provider and frees all 255 ids).
 */
final class ApiKeyRoutes {
    private static final Pattern VALIDITY = Pattern.compile("(\\d{1,4})([hdw])");
    /** Another tab may revoke the id we picked between our read and the SDK's: pick again, a few times. */
    private static final int ATTEMPTS = 3;

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
                .get("/api/keys/slots", ApiHandler.guarded(this::slots))
                .post("/api/keys", ApiHandler.guarded(this::create))
                .post("/api/keys/revoke", ApiHandler.guarded(this::revoke))
                .post("/api/keys/revoke-all", ApiHandler.guarded(this::revokeAll));
    }

    private void list(ServerRequest request, ServerResponse response) {
        Wallet wallet = wallets.forRequest(request);
        Optional<Address> provider = request.query().first("provider").map(p -> Params.address(p, "provider"));
        Json.ok(response, Json.object().set("keys", listJson(wallet, provider)));
    }

    /**
     * The wallet's stored keys, newest first. Keys that can never work again are dropped from the
     * file first: expired ones, and those of an older generation (a revoke-all, from this page, a
     * browser wallet or the CLI).
     */
    private ArrayNode listJson(Wallet wallet, Optional<Address> only) {
        ApiKeyRegistry.Owner owner = owner(wallet);
        Instant now = clock.instant();
        Map<Address, Optional<Account>> accounts = new LinkedHashMap<>();
        for (ApiKeyRegistry.Entry entry : registry.of(owner)) {
            if (only.map(entry.provider()::equals).orElse(true)) {
                accounts.computeIfAbsent(entry.provider(), p -> wallet.broker().inference().account(p));
            }
        }
        accounts.forEach((provider, account) -> {
            long generation = account.map(a -> a.generation().longValueExact()).orElse(0L);
            registry.remove(owner, provider, e -> e.expired(now) || (account.isPresent() && e.generation() < generation));
        });
        ArrayNode keys = Json.MAPPER.createArrayNode();
        for (ApiKeyRegistry.Entry entry : registry.of(owner).reversed()) {
            Optional<Account> account = accounts.get(entry.provider());
            if (account == null) {
                continue; // another provider than the one asked for
            }
            boolean revoked = account.map(a -> a.isTokenRevoked(entry.key().tokenId())).orElse(false);
            keys.add(keyJson(entry).put("revoked", revoked).put("expired", false));
        }
        return keys;
    }

    /** The provider's 255 ids for this wallet: revoked on chain, held by a working stored key, free. */
    private void slots(ServerRequest request, ServerResponse response) {
        Wallet wallet = wallets.forRequest(request);
        Address provider = Params.address(request.query().first("provider").orElse(""), "provider");
        ArrayNode keys = listJson(wallet, Optional.of(provider));
        Optional<Account> account = wallet.broker().inference().account(provider);
        int revoked = account.map(a -> ApiKeySlots.revokedCount(a.revokedBitmap())).orElse(0);
        int active = 0;
        for (JsonNode key : keys) {
            active += key.path("revoked").asBoolean() ? 0 : 1;
        }
        int available = ApiKeySlots.COUNT - revoked - active;
        Json.ok(response, Json.object()
                .put("provider", provider.checksummed())
                .put("subAccount", account.isPresent())
                .put("generation", account.map(a -> a.generation().toString()).orElse("0"))
                .put("total", ApiKeySlots.COUNT)
                .put("active", active)
                .put("revoked", revoked)
                .put("available", available)
                .put("usagePercent", Math.round(100.0 * (ApiKeySlots.COUNT - available) / ApiKeySlots.COUNT))
                .put("stored", keys.size()));
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
        ApiKeyRegistry.Owner owner = owner(wallet);
        ZgComputeBroker broker = wallet.broker();
        for (int attempt = 1; ; attempt++) {
            Account account = broker.inference().account(provider).orElseThrow(() -> new ApiProblem(409,
                    "No sub-account found for this provider (" + provider.checksummed() + "). Please transfer funds"
                            + " first (at least 1 0G), then create the key.",
                    Map.of("action", "transfer", "provider", provider.checksummed(), "amount", "1")));
            int tokenId = registry.reserve(owner, provider, account.generation().longValueExact(),
                    account.revokedBitmap(), clock.instant());
            ApiKey key;
            try {
                key = validity.map(v -> broker.inference().createApiKey(provider, tokenId, v))
                        .orElseGet(() -> broker.inference().createApiKey(provider, tokenId));
            } catch (InvalidInputException e) {
                registry.release(owner, provider, tokenId);
                if (attempt < ATTEMPTS && revokedMeanwhile(broker, provider, tokenId)) {
                    continue;
                }
                throw e;
            } catch (RuntimeException e) {
                registry.release(owner, provider, tokenId);
                throw e;
            }
            ApiKeyRegistry.Entry entry = ApiKeyRegistry.Entry.of(owner, provider, key, name, clock.instant());
            registry.add(entry);
            Json.ok(response, keyJson(entry).put("revoked", false).put("expired", false));
            return;
        }
    }

    private static boolean revokedMeanwhile(ZgComputeBroker broker, Address provider, int tokenId) {
        return broker.inference().account(provider).map(a -> a.isTokenRevoked(tokenId)).orElse(false);
    }

    private void revoke(ServerRequest request, ServerResponse response) {
        Wallet wallet = wallets.forRequest(request);
        JsonNode body = Json.body(request);
        Address provider = Params.address(body, "provider");
        int tokenId = body.path("tokenId").asInt(-1);
        if (tokenId < 0 || tokenId >= ApiKeySlots.COUNT) {
            throw ApiProblem.badRequest("tokenId must be 0..254");
        }
        if (wallet.inBrowser()) {
            Json.ok(response, browserTransactions.revokeToken(wallet.address(), provider, tokenId));
            return;
        }
        wallet.broker().inference().revokeApiKey(provider, tokenId);
        ObjectNode done = Json.object().put("done", true);
        done.set("keys", listJson(wallet, Optional.empty()));
        Json.ok(response, done);
    }

    /**
     * Refresh All Slots: {@code revokeAllTokens} bumps the generation, so every key (and session
     * token) for the provider stops working and all ids are free. The stored keys for it go: at
     * once for the local identity, and for a browser wallet on the next list after its transaction
     * (they are of an older generation then).
     */
    private void revokeAll(ServerRequest request, ServerResponse response) {
        Wallet wallet = wallets.forRequest(request);
        Address provider = Params.address(Json.body(request), "provider");
        if (wallet.broker().inference().account(provider).isEmpty()) {
            throw new ApiProblem(409, "You have no sub-account with provider " + provider.checksummed()
                    + ", so there are no API keys to revoke.");
        }
        if (wallet.inBrowser()) {
            Json.ok(response, browserTransactions.revokeAllTokens(wallet.address(), provider));
            return;
        }
        wallet.broker().inference().revokeAllApiKeys(provider);
        registry.remove(owner(wallet), provider, e -> true);
        ObjectNode done = Json.object().put("done", true);
        done.set("keys", listJson(wallet, Optional.empty()));
        Json.ok(response, done);
    }

    private ApiKeyRegistry.Owner owner(Wallet wallet) {
        NetworkProfile network = wallets.network();
        return new ApiKeyRegistry.Owner(network.chainId(), network.inference(), wallet.address());
    }

    private ObjectNode keyJson(ApiKeyRegistry.Entry entry) {
        ObjectNode json = Json.object()
                .put("wallet", entry.owner().wallet().checksummed())
                .put("provider", entry.provider().checksummed())
                .put("tokenId", entry.key().tokenId())
                .put("generation", entry.generation())
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
