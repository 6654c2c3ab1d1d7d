package ai.zerog.compute.web;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.OwnerOnlyFiles;
import ai.zerog.compute.sdk.ApiKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The UI's API keys at rest: {@code api-keys.json}, versioned JSON in a folder only the owner may
 * enter (700), the file itself readable by its owner only (600). The keys are bearer credentials,
 * so the file is replaced atomically (a temp file born 600, forced, then renamed over it) and no
 * message ever quotes its content.
 */
final class ApiKeyFile {
    static final String NAME = "api-keys.json";
    static final int VERSION = 1;
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;
    private final Path file;

    ApiKeyFile(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.file = this.dir.resolve(NAME);
    }

    Path path() {
        return file;
    }

    /** The stored keys; none when the file does not exist yet. */
    List<ApiKeyRegistry.Entry> read() {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        requireOwnerOnly();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            // not chained: the parser's message can quote the file, and the file holds secrets
            throw damaged("it is not valid JSON");
        } catch (IOException e) {
            throw new WebUiException("cannot read the API key file " + file + " (" + e.getClass().getSimpleName()
                    + "); check its permissions");
        }
        if (root == null || !root.isObject() || !root.path("version").isInt()) {
            throw damaged("it has no numeric \"version\"");
        }
        if (root.path("version").intValue() != VERSION) {
            throw new WebUiException("the API key file " + file + " has format version " + root.path("version").intValue()
                    + " but this web UI reads version " + VERSION + "; use the version that wrote it");
        }
        List<ApiKeyRegistry.Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode item : root.path("keys")) {
            entries.add(entry(item, index++));
        }
        return entries;
    }

    /** Replaces the file with {@code entries}, atomically and owner-only. */
    void write(List<ApiKeyRegistry.Entry> entries) {
        ObjectNode root = Json.object().put("version", VERSION);
        ArrayNode keys = root.putArray("keys");
        entries.forEach(entry -> keys.add(json(entry)));
        byte[] content;
        try {
            content = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new WebUiException("cannot encode the API key file");
        }
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temp = null;
        try {
            Files.createDirectories(dir, posix ? attribute(OWNER_DIR) : new FileAttribute<?>[0]);
            if (posix) {
                Files.setPosixFilePermissions(dir, OWNER_DIR); // the folder is ours alone, even if it existed
            }
            temp = Files.createTempFile(dir, "." + NAME + "-", ".tmp", posix ? attribute(OWNER_FILE)
                    : new FileAttribute<?>[0]);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            syncDirectory();
        } catch (IOException e) {
            throw new WebUiException("cannot write the API key file " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check that " + dir + " is writable by this user", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private ApiKeyRegistry.Entry entry(JsonNode item, int index) {
        try {
            ApiKeyRegistry.Owner owner = new ApiKeyRegistry.Owner(item.path("chainId").asLong(-1),
                    Address.of(item.path("contract").asText("")), Address.of(item.path("wallet").asText("")));
            int tokenId = item.path("tokenId").asInt(-1);
            String key = item.path("key").asText("");
            if (owner.chainId() < 0 || tokenId < 0 || tokenId >= ApiKeySlots.COUNT || !key.startsWith("app-sk-")
                    || !item.path("generation").canConvertToLong() || !item.path("expiresAtMs").canConvertToLong()) {
                throw damaged("key " + index + " is incomplete");
            }
            return new ApiKeyRegistry.Entry(owner, Address.of(item.path("provider").asText("")),
                    new ApiKey(tokenId, item.path("expiresAtMs").longValue(), key), item.path("generation").longValue(),
                    item.path("name").asText(""), Instant.parse(item.path("createdAt").asText("")));
        } catch (CoreException | DateTimeParseException e) {
            throw damaged("key " + index + " has an invalid address or date");
        }
    }

    private static ObjectNode json(ApiKeyRegistry.Entry entry) {
        return Json.object()
                .put("chainId", entry.owner().chainId())
                .put("contract", entry.owner().contract().checksummed())
                .put("wallet", entry.owner().wallet().checksummed())
                .put("provider", entry.provider().checksummed())
                .put("tokenId", entry.key().tokenId())
                .put("generation", entry.generation())
                .put("name", entry.name())
                .put("createdAt", entry.createdAt().toString())
                .put("expiresAtMs", entry.key().expiresAtMs())
                .put("key", entry.key().key());
    }

    /** Refuses a file others may read, as the provider's key file does: the keys in it may be known. */
    private void requireOwnerOnly() {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new WebUiException("the API key file " + file + " is not a regular file; move it away");
        }
        Optional<Set<PosixFilePermission>> shared;
        try {
            shared = OwnerOnlyFiles.sharedPermissions(file, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new WebUiException("cannot read the permissions of the API key file " + file + " (" + e + ")");
        }
        if (shared.isPresent()) {
            throw new WebUiException("the API key file " + file + " has permissions "
                    + PosixFilePermissions.toString(shared.get()) + " but must be readable by its owner only. Run `chmod 600 "
                    + file + "`; if anyone else may have read it, use Refresh All Slots for each provider so the keys in"
                    + " it stop working");
        }
    }

    private WebUiException damaged(String reason) {
        return new WebUiException("the API key file " + file + " is damaged: " + reason + ". Move it away to start"
                + " with an empty list (use Refresh All Slots for each provider if the keys in it must stop working)");
    }

    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open a folder; the file itself is already forced
        }
    }

    private static FileAttribute<?>[] attribute(Set<PosixFilePermission> permissions) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // a leftover temp file is owner-only like the real one
        }
    }
}
