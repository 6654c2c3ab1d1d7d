package ai.zerog.compute.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The broker's own log folders ({@code <dataDir>/logs/broker} and {@code <dataDir>/logs/event}),
 * as the provider-only {@code /v1/logs} routes show them. {@link #none()} for a broker that keeps
 * no log files (tests, devnet): its listing is empty.
 */
public final class BrokerLogs {
    /** The two folders; {@code both} in a request means each of them. */
    public static final List<String> COMPONENTS = List.of("broker", "event");
    static final String CURRENT_SUFFIX = ".0.log";
    private static final Pattern FILE_NAME = Pattern.compile("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$");

    /** One log file as listed. */
    public record LogFile(String component, String filename, long size, Instant modified, boolean current) {
    }

    private final Optional<Path> root;

    private BrokerLogs(Optional<Path> root) {
        this.root = root;
    }

    public static BrokerLogs none() {
        return new BrokerLogs(Optional.empty());
    }

    /** The folders under {@code logsRoot}, created owner-only if missing. */
    public static BrokerLogs in(Path logsRoot) {
        for (String component : COMPONENTS) {
            createPrivateFolder(logsRoot.resolve(component));
        }
        return new BrokerLogs(Optional.of(logsRoot));
    }

    public Optional<Path> root() {
        return root;
    }

    /** The folder of {@code component}, if this broker keeps log files and the component exists. */
    Optional<Path> folder(String component) {
        return COMPONENTS.contains(component) ? root.map(r -> r.resolve(component)) : Optional.empty();
    }

    /** The files of {@code component} ({@code both} for all), newest generation first; lock files left out. */
    List<LogFile> list(String component) {
        List<LogFile> files = new ArrayList<>();
        for (String each : COMPONENTS) {
            if (component.equals("both") || component.equals(each)) {
                folder(each).ifPresent(dir -> files.addAll(listFolder(each, dir)));
            }
        }
        return files;
    }

    /**
     * The path of a listed file: the name must be a plain file name present in that folder, so
     * {@code ..}, absolute paths and separators never reach the file system.
     */
    Optional<Path> find(String component, String filename) {
        if (!FILE_NAME.matcher(filename).matches() || filename.endsWith(".lck")) {
            return Optional.empty();
        }
        return folder(component).flatMap(dir -> listFolder(component, dir).stream()
                .filter(f -> f.filename().equals(filename)).findFirst()
                .map(f -> dir.resolve(f.filename())));
    }

    private static List<LogFile> listFolder(String component, Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".lck"))
                    .filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches())
                    .map(p -> describe(component, p))
                    .sorted(Comparator.comparing(LogFile::filename))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static LogFile describe(String component, Path file) {
        try {
            String name = file.getFileName().toString();
            return new LogFile(component, name, Files.size(file), Files.getLastModifiedTime(file).toInstant(),
                    name.toLowerCase(Locale.ROOT).endsWith(CURRENT_SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static void createPrivateFolder(Path dir) {
        try {
            Files.createDirectories(dir);
            if (posix()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    static void makePrivate(Path file) {
        try {
            if (posix() && Files.exists(file)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + file, e);
        }
    }

    private static boolean posix() {
        Set<String> views = FileSystems.getDefault().supportedFileAttributeViews();
        return views.contains("posix");
    }
}
