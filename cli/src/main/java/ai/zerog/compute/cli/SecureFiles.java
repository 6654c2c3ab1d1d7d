package ai.zerog.compute.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Files only their owner can read: folders 700, files 600, written atomically (a temp file
 * created with the final permissions, then moved), so a crash never leaves a half-written
 * config and no other user ever sees the content.
 */
public final class SecureFiles {
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SecureFiles() {
    }

    /** Creates {@code dir} (and parents) if needed and makes it 700. */
    public static void ensurePrivateDir(Path dir) {
        try {
            Files.createDirectories(dir);
            if (POSIX) {
                Files.setPosixFilePermissions(dir, OWNER_DIR);
            }
        } catch (IOException e) {
            throw new CliFailure("cannot create the folder " + dir + " (" + e.getMessage() + ")",
                    "Check that your home folder is writable.");
        }
    }

    /** Replaces {@code file} with {@code text}, mode 600, in a 700 folder. */
    public static void writePrivate(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        ensurePrivateDir(dir);
        try {
            Path tmp = POSIX ? Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_FILE)) : Files.createTempFile(dir, ".cfg", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + " (" + e.getMessage() + ")",
                    "Check that " + dir + " is writable.");
        }
    }

    /** The text of {@code file}, or empty when it does not exist. */
    public static Optional<String> readIfExists(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + " (" + e.getMessage() + ")", "Check its permissions.");
        }
    }

    /** Deletes {@code file} if it exists. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CliFailure("cannot delete " + file + " (" + e.getMessage() + ")", "Delete it by hand.");
        }
    }

    /** The POSIX mode of {@code path} as {@code rwx------} text (for tests and {@code status}). */
    public static String mode(Path path) {
        try {
            return POSIX ? PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
