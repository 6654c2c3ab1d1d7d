package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.provider.SqliteDurability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider file's {@code feeStore} section: its default, both store types, and what it refuses, naming the key. */
class ProviderFeeStoreConfigTest {
    @TempDir
    Path home;

    private Path config(String feeStore) throws Exception {
        Path config = home.resolve("provider.json");
        Files.writeString(config, """
                {"host": "127.0.0.1", "port": 0, "serviceType": "chatbot", "model": "m",
                 "inputPrice": "0.000000001", "outputPrice": "0.000000002", "upstream": "dev",
                 "dataDir": "provider-data"%s}
                """.formatted(feeStore.isEmpty() ? "" : ", \"feeStore\": " + feeStore));
        return config;
    }

    private FeeStoreSetting read(String feeStore) throws Exception {
        return ProviderFile.read(config(feeStore)).feeStore();
    }

    private void assertRefused(String feeStore, String why) throws Exception {
        Path file = config(feeStore);
        assertThatThrownBy(() -> ProviderFile.read(file)).isInstanceOf(CliFailure.class)
                .hasMessage("the provider config " + file + " is not valid: " + why);
    }

    @Test
    void withoutAFeeStoreSectionFeesGoToSqliteInTheDataFolderWithFullDurability() throws Exception {
        FeeStoreSetting store = read("");

        assertThat(store).isEqualTo(new FeeStoreSetting.Sqlite(SqliteDurability.FULL));
        assertThat(store.describe(home.resolve("provider-data")))
                .isEqualTo("SQLite " + home.resolve("provider-data/fees.db") + " (durability full)");
    }

    @Test
    void sqliteTakesEitherDurability() throws Exception {
        assertThat(read("{\"type\": \"sqlite\"}")).isEqualTo(new FeeStoreSetting.Sqlite(SqliteDurability.FULL));
        assertThat(read("{\"type\": \"sqlite\", \"durability\": \"full\"}"))
                .isEqualTo(new FeeStoreSetting.Sqlite(SqliteDurability.FULL));
        assertThat(read("{\"type\": \"sqlite\", \"durability\": \"process\"}"))
                .isEqualTo(new FeeStoreSetting.Sqlite(SqliteDurability.PROCESS));
    }

    @Test
    void postgresqlNamesTheVariableHoldingThePassword() throws Exception {
        FeeStoreSetting store = read("""
                {"type": "postgresql", "url": "jdbc:postgresql://db.internal:5432/broker?sslmode=require",
                 "user": "broker", "passwordEnv": "ZG_FEE_STORE_PASSWORD"}""");

        assertThat(store).isEqualTo(new FeeStoreSetting.Postgres("jdbc:postgresql://db.internal:5432/broker"
                + "?sslmode=require", "broker", Optional.of("ZG_FEE_STORE_PASSWORD")));
        assertThat(store.describe(home)).as("no URL parameters in what start-up prints")
                .isEqualTo("PostgreSQL jdbc:postgresql://db.internal:5432/broker as broker"
                        + " (brokers may share it; one settles at a time)");
        assertThat(store.toString()).doesNotContain("sslmode");
    }

    @Test
    void aWrongTypeAnUnknownKeyOrAMissingUrlIsRefusedNamingTheKey() throws Exception {
        assertRefused("\"sqlite\"", "\"feeStore\" must be an object such as {\"type\": \"sqlite\"}, got \"sqlite\"");
        assertRefused("{}", "feeStore.type is missing (\"sqlite\" or \"postgresql\")");
        assertRefused("{\"type\": \"mysql\"}", "feeStore.type must be \"sqlite\" or \"postgresql\", got \"mysql\"");
        assertRefused("{\"type\": 1}", "feeStore.type must be a non-empty string, got 1");
        assertRefused("{\"type\": \"sqlite\", \"durability\": \"fast\"}",
                "feeStore.durability must be \"full\" or \"process\", got \"fast\"");
        assertRefused("{\"type\": \"sqlite\", \"durability\": false}",
                "feeStore.durability must be a non-empty string, got false");
        assertRefused("{\"type\": \"sqlite\", \"file\": \"x.db\"}",
                "feeStore has an unknown key \"file\" for type sqlite; known keys: [durability, type]");
        assertRefused("{\"type\": \"postgresql\", \"user\": \"broker\"}",
                "feeStore.url is missing (e.g. \"jdbc:postgresql://db.internal:5432/broker\")");
        assertRefused("{\"type\": \"postgresql\", \"url\": 5432, \"user\": \"broker\"}",
                "feeStore.url must be a non-empty string, got 5432");
        assertRefused("{\"type\": \"postgresql\", \"url\": \"postgres://db/broker\", \"user\": \"broker\"}",
                "feeStore.url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database),"
                        + " got \"postgres://db/broker\"");
        assertRefused("{\"type\": \"postgresql\", \"url\": \"jdbc:postgresql://db/broker\"}",
                "feeStore.user (the PostgreSQL role) is missing");
        assertRefused("{\"type\": \"postgresql\", \"url\": \"jdbc:postgresql://db/broker\", \"user\": \"broker\","
                        + " \"durability\": \"full\"}",
                "feeStore has an unknown key \"durability\" for type postgresql; known keys: [passwordEnv, type, url,"
                        + " user]");
    }

    @Test
    void aPasswordIsNeverTakenFromTheFile() throws Exception {
        assertRefused("{\"type\": \"postgresql\", \"url\": \"jdbc:postgresql://db/broker\", \"user\": \"broker\","
                        + " \"password\": \"hunter2\"}",
                "feeStore.password is not read: a password never goes in the file; name the environment variable"
                        + " that holds it with feeStore.passwordEnv");
        assertRefused("{\"type\": \"postgresql\", \"url\": \"jdbc:postgresql://db/broker?ssl=true&password=hunter2\","
                        + " \"user\": \"broker\"}",
                "feeStore.url must not carry a password: put it in an environment variable and name that variable"
                        + " with feeStore.passwordEnv");
    }

    @Test
    void anUnsetPasswordVariableStopsTheStartBeforeTheWalletNamingTheVariable() throws Exception {
        Path file = config("""
                {"type": "postgresql", "url": "jdbc:postgresql://127.0.0.1:9/broker", "user": "broker",
                 "passwordEnv": "ZG_FEE_STORE_PASSWORD"}""");

        CliRun run = CliRun.of(home, Map.of("ZG_FEE_STORE_PASSWORD", " "), "", "provider", "start", "--config",
                file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("the fee store password variable ZG_FEE_STORE_PASSWORD (feeStore.passwordEnv)"
                + " is not set", "Set ZG_FEE_STORE_PASSWORD to the PostgreSQL password of broker");
    }
}
