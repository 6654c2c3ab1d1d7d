package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.OwnerOnlyFiles;
import ai.zerog.compute.core.Secp256k1Key;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The software signer's key at rest: versioned JSON
 * {@code {"version":1,"kind":"software","address":"0x…","key":"0x…"}} in a file only its owner
 * may read (POSIX 600, created that way atomically; a directory made for it gets 700).
 *
 * <p>"Sealed" here means owner-only, not encrypted: encrypting under a secret from the same
 * machine would add little against someone who can read the owner's files, and real sealing
 * (a key the hardware or a KMS releases only to this measured app) is what the dstack signer
 * gets from the guest agent. Messages name the file and the fix, never the key.
 */
final class SealedKeyFile {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private SealedKeyFile() {
    }

    /** The key stored in {@code file}, or a new one stored there first if the file does not exist. */
    static Secp256k1Key openOrCreate(Path file) {
        Path path = file.toAbsolutePath();
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return load(path);
        }
        return create(path);
    }

    static Secp256k1Key load(Path file) {
        requireOwnerOnly(file);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProviderException("cannot read the TEE signer key file " + file + " (" + e + ")", e);
        }
        return parse(file, content);
    }

    private static Secp256k1Key parse(Path file, byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            // Not chained, and the parser's message left out: it can quote the file's content.
            JsonLocation at = e.getLocation();
            throw corrupt(file, "it is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw corrupt(file, "it cannot be parsed");
        }
        if (root == null || !root.isObject()) {
            throw corrupt(file, "it is not a JSON object");
        }
        JsonNode version = root.path("version");
        if (!version.isInt()) {
            throw corrupt(file, "it has no numeric \"version\"");
        }
        if (version.intValue() != VERSION) {
            throw new ProviderException("TEE signer key file " + file + " has format version " + version.intValue()
                    + ", but this broker reads version " + VERSION + " only; run the broker version that wrote it");
        }
        String kind = root.path("kind").asText("");
        if (!SoftwareTeeSigner.KIND.equals(kind)) {
            throw corrupt(file, "its \"kind\" is '" + kind + "', expected '" + SoftwareTeeSigner.KIND + "'");
        }
        Secp256k1Key key;
        try {
            key = Secp256k1Key.fromHex(root.path("key").asText(""));
        } catch (CoreException e) {
            throw corrupt(file, "its \"key\" is not a secp256k1 private key (" + e.getMessage() + ")");
        }
        Address stored;
        try {
            stored = Address.of(root.path("address").asText(""));
        } catch (CoreException e) {
            throw corrupt(file, "its \"address\" is not an address");
        }
        if (!stored.equals(key.address())) {
            throw corrupt(file, "its \"address\" " + stored + " is not the address of its key (" + key.address() + ")");
        }
        return key;
    }

    private static Secp256k1Key create(Path file) {
        Secp256k1Key key = Secp256k1Key.random();
        byte[] content = render(key);
        Path dir = file.getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temp = null;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, posix ? attribute(OWNER_ONLY_DIR) : new FileAttribute<?>[0]);
            }
            temp = Files.createTempFile(dir, ".tee-signer-", ".tmp", posix ? attribute(OWNER_ONLY_FILE)
                    : new FileAttribute<?>[0]);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            if (!publish(temp, file)) {
                return load(file); // another process created it first: use theirs
            }
            syncDirectory(dir);
            return key;
        } catch (IOException e) {
            throw new ProviderException("cannot create the TEE signer key file " + file + " (" + e
                    + "); check that the directory is writable by this user", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Makes {@code temp} appear as {@code file} in one step, never replacing an existing file. */
    private static boolean publish(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // No hard links here: an atomic rename is the next best (it would replace a racing file).
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
    }

    private static byte[] render(Secp256k1Key key) {
        String json = "{\n"
                + "  \"version\": " + VERSION + ",\n"
                + "  \"kind\": \"" + SoftwareTeeSigner.KIND + "\",\n"
                + "  \"address\": \"" + key.address().checksummed() + "\",\n"
                + "  \"key\": \"0x" + String.format("%064x", key.privateKey()) + "\"\n"
                + "}\n";
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    private static void requireOwnerOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ProviderException("TEE signer key file " + file + " is not a regular file; point the broker at "
                    + "the key file itself, or at a path where it may create one");
        }
        Optional<Set<PosixFilePermission>> shared; // empty also where there are no POSIX permissions to check
        try {
            shared = OwnerOnlyFiles.sharedPermissions(file);
        } catch (IOException e) {
            throw new ProviderException("cannot read the permissions of the TEE signer key file " + file
                    + " (" + e + ")", e);
        }
        if (shared.isPresent()) {
            throw new ProviderException("TEE signer key file " + file + " has permissions "
                    + PosixFilePermissions.toString(shared.get()) + " but must be accessible only by its owner. Run `chmod 600 "
                    + file + "`; if anyone else may have read it, delete it instead so a new key is made, then register "
                    + "the new signer address and have the contract owner acknowledge it");
        }
    }

    private static ProviderException corrupt(Path file, String reason) {
        return new ProviderException("TEE signer key file " + file + " is damaged: " + reason + ". Restore it from a "
                + "backup, or delete it so the broker makes a new key (the new signer address must then be registered "
                + "again and acknowledged by the contract owner)");
    }

    private static FileAttribute<?>[] attribute(Set<PosixFilePermission> permissions) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }

    /** Makes the new directory entry durable; best effort where directories cannot be opened. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on every platform; the file itself is already forced
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // a leftover temp file holds nothing the real file does not
        }
    }
}
