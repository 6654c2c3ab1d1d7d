package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The software signer's key file: created owner-only, reloaded, and refused when exposed or damaged. */
class SoftwareTeeSignerFileTest {
    private static final String KEY_HEX = "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
    private static final String ADDRESS = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

    @TempDir
    Path dir;

    @Test
    void shouldCreateTheKeyFileOwnerOnlyInAnOwnerOnlyDirectory() throws IOException {
        Path file = dir.resolve("state/tee/signer.json");

        SoftwareTeeSigner signer = SoftwareTeeSigner.openOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state"))))
                .isEqualTo("rwx------");
        JsonNode content = AttestationChecks.parse(Files.readString(file));
        assertThat(content.path("version").asInt()).isEqualTo(1);
        assertThat(content.path("kind").asText()).isEqualTo("software");
        assertThat(content.path("address").asText()).isEqualTo(signer.address().checksummed());
        try (var entries = Files.list(file.getParent())) {
            assertThat(entries.toList()).containsExactly(file); // no temp file left behind
        }
    }

    @Test
    void shouldReloadTheSameKeyOnLaterStarts() {
        Path file = dir.resolve("signer.json");

        Address first = SoftwareTeeSigner.openOrCreate(file).address();
        Address second = SoftwareTeeSigner.openOrCreate(file).address();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldLoadAKeyFileWrittenByHand() throws IOException {
        Path file = write("""
                {"version": 1, "kind": "software", "address": "%s", "key": "0x%s"}
                """.formatted(ADDRESS, KEY_HEX), "rw-------");

        assertThat(SoftwareTeeSigner.openOrCreate(file).address()).isEqualTo(Address.of(ADDRESS));
    }

    @Test
    void shouldAgreeOnOneKeyWhenStartedConcurrently() throws Exception {
        Path file = dir.resolve("race/signer.json");
        int starters = 6;
        CyclicBarrier barrier = new CyclicBarrier(starters);
        ExecutorService pool = Executors.newFixedThreadPool(starters);
        try {
            List<Future<Address>> results = new ArrayList<>();
            for (int i = 0; i < starters; i++) {
                Callable<Address> start = () -> {
                    barrier.await();
                    return SoftwareTeeSigner.openOrCreate(file).address();
                };
                results.add(pool.submit(start));
            }
            Set<Address> addresses = new HashSet<>();
            for (Future<Address> result : results) {
                addresses.add(result.get());
            }
            assertThat(addresses).containsExactly(SoftwareTeeSigner.openOrCreate(file).address());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseAWorldReadableKeyFileAndSayHowToFixIt() throws IOException {
        Path file = dir.resolve("signer.json");
        SoftwareTeeSigner.openOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> SoftwareTeeSigner.openOrCreate(file))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void shouldRefuseAGroupWritableKeyFile() throws IOException {
        Path file = write("""
                {"version": 1, "kind": "software", "address": "%s", "key": "0x%s"}
                """.formatted(ADDRESS, KEY_HEX), "rw--w----");

        assertThatThrownBy(() -> SoftwareTeeSigner.openOrCreate(file))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("rw--w----")
                .satisfies(e -> assertThat(secretFree(e)).isTrue());
    }

    @Test
    void shouldRefuseAKeyFileThatIsNotJsonWithoutQuotingIt() throws IOException {
        Path file = write("{\"version\": 1, \"kind\": \"software\", \"key\": " + KEY_HEX + "}", "rw-------");

        assertThatThrownBy(() -> SoftwareTeeSigner.openOrCreate(file))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("damaged")
                .hasMessageContaining("delete it")
                .satisfies(e -> assertThat(secretFree(e)).isTrue());
    }

    @Test
    void shouldRefuseATruncatedKeyFile() throws IOException {
        Path file = write("{\"version\": 1, \"kind\": \"software\", \"address\": \"" + ADDRESS + "\", \"key\": \"0x"
                + KEY_HEX.substring(0, 40), "rw-------");

        assertThatThrownBy(() -> SoftwareTeeSigner.openOrCreate(file))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("not valid JSON")
                .satisfies(e -> assertThat(secretFree(e)).isTrue());
    }

    @Test
    void shouldRefuseAKeyFileWhoseAddressIsNotItsKeys() throws IOException {
        Path file = write("""
                {"version": 1, "kind": "software", "address": "0x0000000000000000000000000000000000000001", "key": "0x%s"}
                """.formatted(KEY_HEX), "rw-------");

        assertThatThrownBy(() -> SoftwareTeeSigner.openOrCreate(file))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("is not the address of its key")
                .satisfies(e -> assertThat(secretFree(e)).isTrue());
    }

    @Test
    void shouldRefuseAKeyThatIsNotAPrivateKey() throws IOException {
        Path file = write("""
                {"version": 1, "kind": "software", "address": "%s", "key": "0x%s"}
                """.formatted(ADDRESS, KEY_HEX.substring(1) + "g"), "rw-------");

        assertThatThrownBy(() -> SoftwareTeeSigner.openOrCreate(file))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("\"key\" is not a secp256k1 private key")
                .satisfies(e -> assertThat(secretFree(e)).isTrue());
    }

    @Test
    void shouldRefuseAnUnknownFormatVersion() throws IOException {
        Path file = write("""
                {"version": 2, "kind": "software", "sealed": "..."}
                """, "rw-------");

        assertThatThrownBy(() -> SoftwareTeeSigner.openOrCreate(file))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("format version 2")
                .hasMessageContaining("reads version 1");
    }

    @Test
    void shouldRefuseAnEmptyKeyFile() throws IOException {
        Path file = write("", "rw-------");

        assertThatThrownBy(() -> SoftwareTeeSigner.openOrCreate(file))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("damaged");
    }

    @Test
    void shouldRefuseADirectoryInPlaceOfTheKeyFile() throws IOException {
        Path file = Files.createDirectory(dir.resolve("signer.json"));

        assertThatThrownBy(() -> SoftwareTeeSigner.openOrCreate(file))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    void shouldNeverShowTheKeyInToString() throws IOException {
        Path file = write("""
                {"version": 1, "kind": "software", "address": "%s", "key": "0x%s"}
                """.formatted(ADDRESS, KEY_HEX), "rw-------");

        SoftwareTeeSigner signer = SoftwareTeeSigner.openOrCreate(file);

        assertThat(signer.toString()).isEqualTo("SoftwareTeeSigner[" + ADDRESS + "]");
        assertThat(signer.quoteDocument()).doesNotContainIgnoringCase(KEY_HEX);
        assertThat(Secp256k1Key.fromHex(KEY_HEX).address()).isEqualTo(signer.address());
    }

    private Path write(String content, String permissions) throws IOException {
        Path file = dir.resolve("signer.json");
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    /** True when neither the message nor any cause, nor the stack trace text, contains the key (or a big part of it). */
    private static boolean secretFree(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        String text = trace.toString().toLowerCase();
        return !text.contains(KEY_HEX.substring(0, 16)) && !text.contains(KEY_HEX.substring(24, 40))
                && !text.contains(KEY_HEX.substring(48));
    }
}
