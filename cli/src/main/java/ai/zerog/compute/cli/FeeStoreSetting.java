package ai.zerog.compute.cli;

import ai.zerog.compute.provider.FeeStore;
import ai.zerog.compute.provider.SqliteDurability;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code feeStore} section of the provider file: where the broker keeps fees, answer
 * signatures and settlement batches. Without it: SQLite at {@code <dataDir>/fees.db}, durability
 * {@code full}.
 * <pre>{@code
 * "feeStore": {"type": "sqlite", "durability": "process"}
 * "feeStore": {"type": "postgresql", "url": "jdbc:postgresql://db.internal:5432/broker", "user": "broker",
 *              "passwordEnv": "ZG_FEE_STORE_PASSWORD"}
 * }</pre>
 * SQLite {@code durability} is {@code full} (every answer's fee survives a power cut) or
 * {@code process} (survives a broker crash, not an OS crash or power cut; no fsync per answer),
 * see {@link SqliteDurability}. PostgreSQL lets several brokers share one database; only the one
 * holding the settler lock settles at a time. Its password is never in the file: it is read from
 * the variable {@code passwordEnv} names (without {@code passwordEnv}, none is sent).
 */
sealed interface FeeStoreSetting {
    FeeStoreSetting DEFAULT = new Sqlite(SqliteDurability.FULL);

    /** Opens the store (the data folder holds a SQLite file; a password comes from {@code environment}). */
    FeeStore open(Path dataDir, CliEnvironment environment);

    /** What start-up prints: the kind and where; never a password or URL parameters. */
    String describe(Path dataDir);

    /** Fails now, naming the variable, if one the store needs is not set. */
    default void checkEnvironment(CliEnvironment environment) {
    }

    /** The {@code feeStore} section of {@code root}, strictly: unknown keys and wrong types refused, key named. */
    static FeeStoreSetting read(JsonNode root, Path file) {
        JsonNode section = root.path("feeStore");
        if (section.isMissingNode()) {
            return DEFAULT;
        }
        if (!section.isObject()) {
            throw ProviderFile.invalid(file, "\"feeStore\" must be an object such as {\"type\": \"sqlite\"}, got "
                    + section);
        }
        String type = text(section, "type", file).orElseThrow(() -> ProviderFile.invalid(file,
                "feeStore.type is missing (\"sqlite\" or \"postgresql\")"));
        return switch (type) {
            case "sqlite" -> Sqlite.read(section, file);
            case "postgresql" -> Postgres.read(section, file);
            default -> throw ProviderFile.invalid(file, "feeStore.type must be \"sqlite\" or \"postgresql\", got \""
                    + type + "\"");
        };
    }

    /** SQLite at {@code <dataDir>/fees.db}: one broker process. */
    record Sqlite(SqliteDurability durability) implements FeeStoreSetting {
        private static final Set<String> KEYS = Set.of("type", "durability");

        static Sqlite read(JsonNode section, Path file) {
            requireKnown(section, KEYS, "sqlite", file);
            Optional<String> durability = text(section, "durability", file);
            if (durability.isEmpty()) {
                return new Sqlite(SqliteDurability.FULL);
            }
            return Arrays.stream(SqliteDurability.values()).filter(d -> name(d).equals(durability.get())).findFirst()
                    .map(Sqlite::new)
                    .orElseThrow(() -> ProviderFile.invalid(file, "feeStore.durability must be \"full\" or \"process\","
                            + " got \"" + durability.get() + "\""));
        }

        @Override
        public FeeStore open(Path dataDir, CliEnvironment environment) {
            return FeeStore.sqlite(file(dataDir), durability);
        }

        @Override
        public String describe(Path dataDir) {
            return "SQLite " + file(dataDir) + " (durability " + name(durability) + ")";
        }

        private static Path file(Path dataDir) {
            return dataDir.resolve("fees.db");
        }

        private static String name(SqliteDurability durability) {
            return durability.name().toLowerCase(Locale.ROOT);
        }
    }

    /** A PostgreSQL database that several brokers of this provider may share. */
    record Postgres(String url, String user, Optional<String> passwordEnv) implements FeeStoreSetting {
        private static final Set<String> KEYS = Set.of("type", "url", "user", "passwordEnv");

        static Postgres read(JsonNode section, Path file) {
            requireKnown(section, KEYS, "postgresql", file);
            String url = text(section, "url", file).orElseThrow(() -> ProviderFile.invalid(file,
                    "feeStore.url is missing (e.g. \"jdbc:postgresql://db.internal:5432/broker\")"));
            if (!url.startsWith("jdbc:postgresql:")) {
                throw ProviderFile.invalid(file, "feeStore.url must be a PostgreSQL JDBC URL"
                        + " (jdbc:postgresql://host:5432/database), got \"" + withoutParameters(url) + "\"");
            }
            if (carriesPassword(url)) {
                throw ProviderFile.invalid(file, "feeStore.url must not carry a password: put it in an environment"
                        + " variable and name that variable with feeStore.passwordEnv");
            }
            String user = text(section, "user", file).orElseThrow(() -> ProviderFile.invalid(file,
                    "feeStore.user (the PostgreSQL role) is missing"));
            return new Postgres(url, user, text(section, "passwordEnv", file));
        }

        @Override
        public FeeStore open(Path dataDir, CliEnvironment environment) {
            return FeeStore.postgres(url, user, password(environment));
        }

        @Override
        public String describe(Path dataDir) {
            return "PostgreSQL " + withoutParameters(url) + " as " + user
                    + " (brokers may share it; one settles at a time)";
        }

        @Override
        public void checkEnvironment(CliEnvironment environment) {
            password(environment);
        }

        private String password(CliEnvironment environment) {
            return passwordEnv.map(name -> environment.variable(name).orElseThrow(() -> new CliFailure(
                    "the fee store password variable " + name + " (feeStore.passwordEnv) is not set",
                    "Set " + name + " to the PostgreSQL password of " + user + " in the broker's environment,"
                            + " or remove feeStore.passwordEnv if the database needs none.")))
                    .orElse("");
        }

        /** Parameters may carry secrets (and are refused if they name a password): never shown. */
        @Override
        public String toString() {
            return "Postgres[url=" + withoutParameters(url) + ", user=" + user + ", passwordEnv="
                    + passwordEnv.orElse("none") + "]";
        }

        private static boolean carriesPassword(String url) {
            int query = url.indexOf('?');
            if (query < 0) {
                return false;
            }
            return Arrays.stream(url.substring(query + 1).split("&"))
                    .map(parameter -> parameter.split("=", 2)[0].toLowerCase(Locale.ROOT))
                    .anyMatch(name -> name.endsWith("password"));
        }

        private static String withoutParameters(String url) {
            int query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query);
        }
    }

    private static void requireKnown(JsonNode section, Set<String> known, String type, Path file) {
        for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (known.contains(name)) {
                continue;
            }
            if (name.equals("password")) {
                throw ProviderFile.invalid(file, "feeStore.password is not read: a password never goes in the file;"
                        + " name the environment variable that holds it with feeStore.passwordEnv");
            }
            throw ProviderFile.invalid(file, "feeStore has an unknown key \"" + name + "\" for type " + type
                    + "; known keys: " + known.stream().sorted().toList());
        }
    }

    private static Optional<String> text(JsonNode section, String key, Path file) {
        JsonNode value = section.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ProviderFile.invalid(file, "feeStore." + key + " must be a non-empty string, got " + value);
        }
        return Optional.of(value.asText().strip());
    }
}
