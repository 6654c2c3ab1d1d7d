package ai.zerog.compute.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Whether a file holding secrets (a key, API keys) is still its owner's alone. */
public final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnlyFiles() {
    }

    /**
     * All of {@code file}'s permissions when its group or others have any of them (for the
     * caller's message); empty when only its owner has some, or the file system has no POSIX
     * permissions to check.
     */
    public static Optional<Set<PosixFilePermission>> sharedPermissions(Path file, LinkOption... options)
            throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class, options);
        if (view == null) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        return permissions.stream().anyMatch(NOT_OWNER::contains) ? Optional.of(permissions) : Optional.empty();
    }
}
