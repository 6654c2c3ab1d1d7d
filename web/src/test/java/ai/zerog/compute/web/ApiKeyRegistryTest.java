package ai.zerog.compute.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ApiKey;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI's key store on a real file system: which id a new key gets, the limits, and a file that
 * is owner-only, survives a new registry, and is refused (without quoting it) when others may
 * read it or it is damaged.
 */
class ApiKeyRegistryTest {
    static final Address WALLET = Address.of("0x" + "11".repeat(20));
    static final Address PROVIDER = Address.of("0x" + "22".repeat(20));
    static final Address OTHER_PROVIDER = Address.of("0x" + "33".repeat(20));
    static final ApiKeyRegistry.Owner OWNER = new ApiKeyRegistry.Owner(31337, Address.of("0x" + "44".repeat(20)), WALLET);
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final String SECRET = "app-sk-c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWFr";

    @TempDir
    Path dir;

    ApiKeyRegistry registry() {
        return new ApiKeyRegistry(dir.resolve("web-ui"));
    }

    static ApiKeyRegistry.Entry entry(Address provider, int tokenId, long generation, long expiresAtMs) {
        return new ApiKeyRegistry.Entry(OWNER, provider, new ApiKey(tokenId, expiresAtMs, SECRET + tokenId), generation,
                "key " + tokenId, NOW);
    }

    static BigInteger bits(int... ids) {
        BigInteger bitmap = BigInteger.ZERO;
        for (int id : ids) {
            bitmap = bitmap.setBit(id);
        }
        return bitmap;
    }

    @Test
    void shouldPickTheLowestIdNeitherRevokedNorStoredNorBeingMade() {
        ApiKeyRegistry registry = registry();
        registry.add(entry(PROVIDER, 1, 0, 0));
        registry.add(entry(OTHER_PROVIDER, 3, 0, 0));

        int first = registry.reserve(OWNER, PROVIDER, 0, bits(0, 2), NOW);
        int second = registry.reserve(OWNER, PROVIDER, 0, bits(0, 2), NOW);
        registry.release(OWNER, PROVIDER, first);
        int third = registry.reserve(OWNER, PROVIDER, 0, bits(0, 2), NOW);

        assertThat(first).isEqualTo(3);
        assertThat(second).isEqualTo(4);
        assertThat(third).as("a released id is free again").isEqualTo(3);
    }

    @Test
    void shouldReuseTheIdsOfExpiredKeysAndOfKeysFromAnOlderGeneration() {
        ApiKeyRegistry registry = registry();
        registry.add(entry(PROVIDER, 0, 0, 0)); // generation 0: killed by a revoke-all
        registry.add(entry(PROVIDER, 1, 1, NOW.toEpochMilli())); // expires now

        assertThat(registry.reserve(OWNER, PROVIDER, 1, BigInteger.ZERO, NOW)).isZero();
        assertThat(registry.reserve(OWNER, PROVIDER, 1, BigInteger.ZERO, NOW)).isEqualTo(1);
    }

    @Test
    void shouldSayToRefreshAllSlotsWhenAll255AreTaken() {
        ApiKeyRegistry registry = registry();
        registry.add(entry(PROVIDER, 254, 0, 0));
        BigInteger allButLast = BigInteger.ONE.shiftLeft(254).subtract(BigInteger.ONE);

        assertThatThrownBy(() -> registry.reserve(OWNER, PROVIDER, 0, allButLast, NOW))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(409))
                .hasMessage("All 255 token slots are occupied or revoked. Please use \"Refresh All Slots\" to free up"
                        + " space (it revokes every API key for this provider).");
    }

    @Test
    void shouldRefuseMoreThan20WorkingKeysPerProvider() {
        ApiKeyRegistry registry = registry();
        for (int id = 0; id < 20; id++) {
            registry.add(entry(PROVIDER, id, 0, 0));
        }

        assertThatThrownBy(() -> registry.reserve(OWNER, PROVIDER, 0, BigInteger.ZERO, NOW))
                .hasMessageStartingWith("Maximum 20 keys per provider reached.");
        assertThat(registry.reserve(OWNER, PROVIDER, 0, bits(5), NOW)).as("a revoked key no longer counts").isEqualTo(20);
        assertThat(registry.reserve(OWNER, OTHER_PROVIDER, 0, BigInteger.ZERO, NOW)).isZero();
    }

    @Test
    void shouldKeepKeysInAnOwnerOnlyFileThatANewRegistryReads() throws IOException {
        ApiKeyRegistry.Entry stored = entry(PROVIDER, 7, 2, 1_900_000_000_000L);
        registry().add(stored);
        ApiKeyRegistry.Entry elsewhere = new ApiKeyRegistry.Entry(new ApiKeyRegistry.Owner(16661, OWNER.contract(), WALLET),
                PROVIDER, new ApiKey(0, 0, SECRET), 0, "", NOW);
        ApiKeyRegistry reopened = registry();
        reopened.add(elsewhere);

        assertThat(registry().of(OWNER)).containsExactly(stored);
        assertThat(registry().of(elsewhere.owner())).as("another chain's keys are not this owner's").containsExactly(elsewhere);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(reopened.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("web-ui")))).isEqualTo("rwx------");
        assertThat(stored.toString()).doesNotContain(SECRET);
    }

    @Test
    void shouldForgetOnlyTheKeysItIsToldTo() {
        ApiKeyRegistry registry = registry();
        registry.add(entry(PROVIDER, 0, 0, 0));
        registry.add(entry(PROVIDER, 1, 1, 0));
        registry.add(entry(OTHER_PROVIDER, 0, 0, 0));

        boolean removed = registry.remove(OWNER, PROVIDER, e -> e.generation() < 1);
        boolean again = registry.remove(OWNER, PROVIDER, e -> e.generation() < 1);

        assertThat(removed).isTrue();
        assertThat(again).isFalse();
        assertThat(registry().of(OWNER)).extracting(e -> e.provider() + "#" + e.key().tokenId())
                .containsExactly(PROVIDER + "#1", OTHER_PROVIDER + "#0");
    }

    @Test
    void shouldRefuseAFileOthersMayReadAndSayHowToFixIt() throws IOException {
        ApiKeyRegistry registry = registry();
        registry.add(entry(PROVIDER, 0, 0, 0));
        Files.setPosixFilePermissions(registry.file(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> registry().of(OWNER))
                .isInstanceOf(WebUiException.class)
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600 " + registry.file())
                .hasMessageContaining("Refresh All Slots");
    }

    @Test
    void shouldCallADamagedFileDamagedWithoutQuotingIt() throws IOException {
        ApiKeyRegistry registry = registry();
        registry.add(entry(PROVIDER, 0, 0, 0));
        String text = Files.readString(registry.file());
        Files.writeString(registry.file(), text.substring(0, text.length() / 2));

        assertThatThrownBy(() -> registry().of(OWNER))
                .isInstanceOf(WebUiException.class)
                .hasMessageContaining("is damaged")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("app-sk-"));
    }
}
