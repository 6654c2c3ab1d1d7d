package ai.zerog.compute.web;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * API keys made through the UI while it runs, per wallet, so the page can list and revoke them.
 * The chain knows only which ids are revoked, not the keys, so a key made elsewhere is not listed.
 */
final class ApiKeyRegistry {
    /** One key: {@code name} is the user's label (may be empty). */
    record Entry(Address provider, ApiKey key, String name, Instant createdAt) {
    }

    private final Map<Address, List<Entry>> byWallet = new ConcurrentHashMap<>();

    void add(Address wallet, Entry entry) {
        byWallet.computeIfAbsent(wallet, w -> new CopyOnWriteArrayList<>()).add(entry);
    }

    List<Entry> of(Address wallet) {
        return List.copyOf(byWallet.getOrDefault(wallet, List.of()));
    }
}
