package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.Secp256k1Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenKeyReadsBackWithItsPasswordAndOnlyTheOwnerCanReadTheFile() throws Exception {
        Secp256k1Key key = Secp256k1Key.random();
        Path file = dir.resolve("nested/key.json");

        Keystore.write(key, "correct horse".toCharArray(), file, Keystore.Strength.LIGHT);

        assertThat(Keystore.read(file, "correct horse".toCharArray())).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain(key.privateKey().toString(16));
    }

    @Test
    void aWrongPasswordSaysSo() {
        Path file = dir.resolve("key.json");
        Keystore.write(Secp256k1Key.random(), "right".toCharArray(), file, Keystore.Strength.LIGHT);

        assertThatThrownBy(() -> Keystore.read(file, "wrong".toCharArray()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("wrong password");
    }

    @Test
    void aFileThatIsNotAKeystoreSaysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("junk.json"), "{\"hello\":1}");

        assertThatThrownBy(() -> Keystore.read(file, "pw".toCharArray())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aKeyWithLeadingZeroBytesSurvivesTheRoundTrip() {
        Secp256k1Key key = Secp256k1Key.fromHex("00000000000000000000000000000000000000000000000000000000000000a1");
        Path file = dir.resolve("small.json");

        Keystore.write(key, "pw".toCharArray(), file, Keystore.Strength.LIGHT);

        assertThat(Keystore.read(file, "pw".toCharArray())).isEqualTo(key);
    }
}
