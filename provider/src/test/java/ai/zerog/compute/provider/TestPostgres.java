package ai.zerog.compute.provider;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for this test JVM, from Debian's packages
 * ({@code /usr/lib/postgresql/<version>/bin}): {@code initdb} into a temp folder, started on a free
 * port (socket in the same folder), stopped and deleted when the JVM exits. As root the server runs
 * as the {@code postgres} user, since PostgreSQL refuses to run as root. Each test asks for its own
 * fresh database. Public: the CLI's tests use it through this module's test jar.
 */
public final class TestPostgres {
    public static final String USER = "zg";

    private static TestPostgres instance;

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(Path bin, Path folder, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** A new empty database's JDBC URL (user {@link #USER}, no password). */
    public String newDatabase() {
        String name = "t" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static TestPostgres start() {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path folder = Files.createTempDirectory("zg-test-postgres-");
            TestPostgres server = new TestPostgres(bin, folder, freePort(), root);
            if (root) {
                run(List.of("chown", "postgres:postgres", folder.toString()), folder.resolve("chown.out"));
            }
            server.run("initdb", "-D", server.data(), "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C",
                    "--no-sync");
            server.run("pg_ctl", "-D", server.data(), "-l", folder.resolve("server.log").toString(), "-w", "-t", "60",
                    "-o", "-p " + server.port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c max_connections=300", "start");
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndDelete, "test-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    private void stopAndDelete() {
        try {
            run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException e) {
            System.err.println("test PostgreSQL did not stop: " + e.getMessage());
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    private void run(String tool, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(arguments));
        run(command, folder.resolve(tool + ".out"));
    }

    /** Output goes to a file: pg_ctl's server would otherwise hold our pipe open. */
    private static void run(List<String> command, Path output) {
        try {
            // the postgres user may not enter our working folder, so run inside the server's own
            Process process = new ProcessBuilder(command).directory(output.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited " + process.exitValue() + ":\n"
                        + Files.readString(output));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + root));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL server binaries not found under " + root
                    + " (install Debian's package: apt-get install -y postgresql): " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
