package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Secp256k1Key;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.exception.CipherException;

/**
 * Encrypted key files in the Ethereum V3 keystore format (scrypt + AES-128-CTR), the format
 * geth, MetaMask exports and most wallets read. Files are written readable by their owner only.
 */
public final class Keystore {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How hard scrypt works: {@code STANDARD} for keys people keep, {@code LIGHT} for throw-away keys in tests. */
    public enum Strength { STANDARD, LIGHT }

    private Keystore() {
    }

    public static void write(Secp256k1Key key, char[] password, Path file) {
        write(key, password, file, Strength.STANDARD);
    }

    public static void write(Secp256k1Key key, char[] password, Path file, Strength strength) {
        ECKeyPair pair = ECKeyPair.create(key.privateKey());
        String secret = new String(password);
        try {
            WalletFile wallet = strength == Strength.STANDARD
                    ? Wallet.createStandard(secret, pair)
                    : Wallet.createLight(secret, pair);
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".keystore", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            JSON.writeValue(tmp.toFile(), wallet);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (CipherException e) {
            throw new IllegalStateException("could not encrypt the key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the keystore " + file, e);
        }
    }

    /** The key in {@code file}; a wrong password or a file that is not a keystore is an {@link InvalidInputException}. */
    public static Secp256k1Key read(Path file, char[] password) {
        WalletFile wallet;
        try {
            wallet = JSON.readValue(file.toFile(), WalletFile.class);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the keystore " + file + ": " + e.getMessage(), e);
        }
        try {
            ECKeyPair pair = Wallet.decrypt(new String(password), wallet);
            return Secp256k1Key.fromHex(String.format("%064x", pair.getPrivateKey()));
        } catch (CipherException e) {
            throw new InvalidInputException("wrong password for the keystore " + file, e);
        } catch (RuntimeException e) {
            throw new InvalidInputException("the keystore " + file + " is not a valid V3 keystore: " + e.getMessage(), e);
        }
    }
}
