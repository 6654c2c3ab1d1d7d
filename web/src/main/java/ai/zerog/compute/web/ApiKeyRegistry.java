package ai.zerog.compute.web;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.SignedSessionToken;
import ai.zerog.compute.sdk.ApiKey;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The API keys made through the UI, kept in an owner-only file ({@link ApiKeyFile}) so they survive
 * a restart, per wallet on one deployment. The chain knows only which ids are revoked, not which
 * are in use, so this list is what keeps two keys off the same id ({@link #reserve}). A key made
 * elsewhere (e.g. with {@code inference get-secret}) is not listed.
 */
final class ApiKeyRegistry {
    /** A wallet on one deployment of the contracts: keys of another chain or contract are not its keys. */
    record Owner(long chainId, Address contract, Address wallet) {
        Owner {
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(wallet, "wallet");
        }
    }

    /**
     * One key: {@code generation} is the account generation it was signed for (a later
     * revoke-all makes it worthless), {@code name} the user's label (may be empty).
     * {@link ApiKey#toString()} leaves the secret out, so this record's does too.
     */
    record Entry(Owner owner, Address provider, ApiKey key, long generation, String name, Instant createdAt) {
        Entry {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        /** An entry for a key the SDK just signed; its generation is read from the signed token. */
        static Entry of(Owner owner, Address provider, ApiKey key, String name, Instant createdAt) {
            long generation = SignedSessionToken.fromApiKey(key.key()).token().generation();
            return new Entry(owner, provider, key, generation, name, createdAt);
        }

        boolean expired(Instant now) {
            return key.expiresAt().map(at -> !at.isAfter(now)).orElse(false);
        }
    }

    private record Slot(Owner owner, Address provider, int tokenId) {
    }

    private final ApiKeyFile file;
    private final Set<Slot> reserved = new HashSet<>();
    private List<Entry> entries; // read on first use, so a UI that never shows keys never touches the file

    ApiKeyRegistry(Path dataDir) {
        this.file = new ApiKeyFile(dataDir);
    }

    Path file() {
        return file.path();
    }

    /** The owner's keys, oldest first. */
    synchronized List<Entry> of(Owner owner) {
        return loaded().stream().filter(e -> e.owner().equals(owner)).toList();
    }

    /**
     * Picks and holds the lowest id for a new key with {@code provider}: not revoked in
     * {@code revokedBitmap} and not used by a stored key that still works (same {@code generation},
     * not expired) or by a key being made right now. Refuses past {@link ApiKeySlots#MAX_KEYS_PER_PROVIDER}
     * working keys. Hand the id back with {@link #add} or {@link #release}.
     */
    synchronized int reserve(Owner owner, Address provider, long generation, BigInteger revokedBitmap, Instant now) {
        Set<Integer> used = new HashSet<>();
        int working = 0;
        for (Entry entry : of(owner)) {
            if (entry.provider().equals(provider) && entry.generation() == generation && !entry.expired(now)) {
                used.add(entry.key().tokenId());
                if (!revokedBitmap.testBit(entry.key().tokenId())) {
                    working++;
                }
            }
        }
        for (Slot slot : reserved) {
            if (slot.owner().equals(owner) && slot.provider().equals(provider)) {
                used.add(slot.tokenId());
                working++;
            }
        }
        if (working >= ApiKeySlots.MAX_KEYS_PER_PROVIDER) {
            throw new ApiProblem(409, "Maximum " + ApiKeySlots.MAX_KEYS_PER_PROVIDER + " keys per provider reached."
                    + " Revoke keys you no longer use, or use \"Refresh All Slots\" to start over.");
        }
        int id = ApiKeySlots.lowestFree(revokedBitmap, used);
        reserved.add(new Slot(owner, provider, id));
        return id;
    }

    synchronized void release(Owner owner, Address provider, int tokenId) {
        reserved.remove(new Slot(owner, provider, tokenId));
    }

    /** Stores a new key (writing the file) and frees its reservation. */
    synchronized void add(Entry entry) {
        reserved.remove(new Slot(entry.owner(), entry.provider(), entry.key().tokenId()));
        List<Entry> changed = new ArrayList<>(loaded());
        changed.add(entry);
        save(changed);
    }

    /** Forgets the owner's keys with {@code provider} that match {@code dead}; true if any were removed. */
    synchronized boolean remove(Owner owner, Address provider, Predicate<Entry> dead) {
        List<Entry> kept = loaded().stream()
                .filter(e -> !(e.owner().equals(owner) && e.provider().equals(provider) && dead.test(e)))
                .toList();
        if (kept.size() == entries.size()) {
            return false;
        }
        save(kept);
        return true;
    }

    private List<Entry> loaded() {
        if (entries == null) {
            entries = List.copyOf(file.read());
        }
        return entries;
    }

    private void save(List<Entry> changed) {
        file.write(changed);
        entries = List.copyOf(changed);
    }
}
