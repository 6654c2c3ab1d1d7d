package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.cli.devnet.DevnetAccounts;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.provider.FeeStore;
import ai.zerog.compute.provider.SettlementReport;
import ai.zerog.compute.provider.SettlerLease;
import ai.zerog.compute.provider.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provider start} with {@code "feeStore": {"type": "postgresql", …}} against a real
 * PostgreSQL server ({@link TestPostgres}) and the test devnet: paid answers are recorded in the
 * database, and two brokers of one provider on one database both serve while only one settles.
 */
class ProviderPostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "pg-secret-never-printed";
    private static final BigInteger INPUT_PRICE = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger OUTPUT_PRICE = BigInteger.valueOf(2_000_000_000L);

    @TempDir
    Path home;

    private TestChain chain;
    private Secp256k1Key provider;
    private String database;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void providerAndDatabase() {
        chain = TestChain.get();
        chain.configure(home);
        provider = chain.newWallet(300);
        database = TestPostgres.get().newDatabase();
    }

    @Test
    void aBrokerOnPostgresqlRecordsEachPaidAnswerThere() throws Exception {
        CliEnvironment environment = providerEnvironment();

        try (ProviderWallet wallet = wallet(environment);
             ProviderRuntime runtime = ProviderRuntime.start(ProviderFile.read(config("a.json", true)), wallet,
                     environment)) {
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("Fee store: PostgreSQL " + database + " as " + TestPostgres.USER);
            acknowledgeTeeSigner();
            Secp256k1Key user = chain.newWallet(100);
            String bearer = apiKey(user);

            BigInteger fee = paidChat(runtime, bearer);

            try (FeeStore shared = FeeStore.postgres(database, TestPostgres.USER, "")) {
                assertThat(shared.unsettledFee(user.address())).isEqualTo(fee);
            }
            assertThat(home.resolve("provider-data/fees.db")).as("no SQLite store beside PostgreSQL").doesNotExist();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(PASSWORD);
    }

    @Test
    void twoBrokersOnOneDatabaseBothAnswerAndOneSettlesAtATime() throws Exception {
        CliEnvironment environment = providerEnvironment();
        // both brokers share the data folder (so the TEE signer the service registered); the second does not register
        try (ProviderWallet walletA = wallet(environment);
             ProviderRuntime brokerA = ProviderRuntime.start(ProviderFile.read(config("a.json", true)), walletA,
                     environment);
             ProviderWallet walletB = wallet(environment);
             ProviderRuntime brokerB = ProviderRuntime.start(ProviderFile.read(config("b.json", false)), walletB,
                     environment)) {
            acknowledgeTeeSigner();
            Secp256k1Key user = chain.newWallet(100);
            String bearer = apiKey(user);

            BigInteger fee = paidChat(brokerA, bearer).add(paidChat(brokerB, bearer));

            assertThat(brokerA.feeStore().unsettledFee(user.address())).isEqualTo(fee);
            assertThat(brokerB.feeStore().unsettledFee(user.address())).isEqualTo(fee);
            try (SettlerLease held = lease(brokerA)) {
                assertThat(brokerB.feeStore().trySettlerLease()).as("B while A holds the lease").isEmpty();
                assertThat(brokerB.settleNow().skipped()).isTrue();
                assertThat(brokerA.settleNow().skipped()).as("A's worker waits for the lease like anyone").isTrue();
            }
            SettlementReport report = brokerB.settleNow();
            assertThat(report.settledAmount()).as(report.toString()).isEqualTo(fee);
            assertThat(brokerA.settleNow().didNothing()).as("A finds nothing left to settle").isTrue();
            assertThat(brokerA.feeStore().unsettledFee(user.address())).isZero();
        }
    }

    /** The settler lease, once the workers' start-up rounds (which take it briefly) are over. */
    private static SettlerLease lease(ProviderRuntime broker) {
        Instant deadline = Instant.now().plusSeconds(30);
        Optional<SettlerLease> lease = broker.feeStore().trySettlerLease();
        while (lease.isEmpty() && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            lease = broker.feeStore().trySettlerLease();
        }
        return lease.orElseThrow(() -> new AssertionError("no settler lease within 30 s"));
    }

    private CliEnvironment providerEnvironment() {
        Map<String, String> env = new HashMap<>(TestChain.signingAs(provider));
        env.put("ZG_FEE_STORE_PASSWORD", PASSWORD); // the test server trusts local connections: any password works
        env.put("NO_COLOR", "1");
        env.put("ZG_STATUS_API", "off");
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new CliEnvironment(print, print, new ByteArrayInputStream(new byte[0]), Map.copyOf(env), home, false);
    }

    private static ProviderWallet wallet(CliEnvironment environment) {
        return ProviderWallet.open(environment,
                NetworkOptions.of(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private Path config(String name, boolean register) throws Exception {
        Path config = home.resolve(name);
        Files.writeString(config, """
                {"host": "127.0.0.1", "port": 0, "serviceType": "chatbot", "model": "pg-model",
                 "inputPrice": "0.000000001", "outputPrice": "0.000000002", "upstream": "dev",
                 "dataDir": "provider-data", "settlementIntervalSeconds": 3600, "register": %s,
                 "feeStore": {"type": "postgresql", "url": "%s", "user": "%s", "passwordEnv": "ZG_FEE_STORE_PASSWORD"}}
                """.formatted(register, database, TestPostgres.USER));
        return config;
    }

    /** The contract owner acknowledges the TEE signer: the broker serves and settles only then. */
    private void acknowledgeTeeSigner() {
        Map<String, String> owner = TestChain.signingAs(chain.devnet().accounts().key(DevnetAccounts.OWNER));
        CliRun ack = CliRun.of(home, owner, "", "inference", "ack-provider", "--provider",
                provider.address().checksummed());
        assertThat(ack.exitCode()).as(ack.err()).isZero();
    }

    /**
     * Funds {@code user}'s sub-account with the provider (enough that no answer asks for an early
     * settlement round) and mints an API key, as a user would.
     */
    private String apiKey(Secp256k1Key user) {
        Map<String, String> env = TestChain.signingAs(user);
        String address = provider.address().checksummed();
        assertThat(CliRun.of(home, env, "", "deposit", "--amount", "10").exitCode()).isZero();
        CliRun transfer = CliRun.of(home, env, "", "transfer-fund", "--provider", address, "--amount", "5");
        assertThat(transfer.exitCode()).as(transfer.err()).isZero();
        CliRun secret = CliRun.of(home, env, "", "inference", "get-secret", "--provider", address, "--duration", "0");
        assertThat(secret.exitCode()).as(secret.err()).isZero();
        return secret.out().lines().filter(l -> l.startsWith("Authorization: Bearer ")).findFirst().orElseThrow()
                .substring("Authorization: ".length());
    }

    /** One chat through {@code broker}; returns its fee from the answer's usage and the registered prices. */
    private static BigInteger paidChat(ProviderRuntime broker, String bearer) throws Exception {
        URI url = URI.create(broker.url() + "/v1/proxy/chat/completions");
        String body = "{\"model\":\"pg-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}";
        HttpResponse<String> answer;
        try (HttpClient http = HttpClient.newHttpClient()) {
            answer = http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                    .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode usage = JSON.readTree(answer.body()).path("usage");
        assertThat(usage.path("completion_tokens").asLong()).isPositive();
        return INPUT_PRICE.multiply(BigInteger.valueOf(usage.path("prompt_tokens").asLong()))
                .add(OUTPUT_PRICE.multiply(BigInteger.valueOf(usage.path("completion_tokens").asLong())));
    }
}
