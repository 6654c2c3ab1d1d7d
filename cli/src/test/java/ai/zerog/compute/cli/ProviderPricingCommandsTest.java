package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Secp256k1Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider started with a tier table and cache billing in its config file (PROTOCOL.md §7.3):
 * list-providers-detail shows the table registered on chain, get-models the one the broker serves
 * in /v1/models, update-service keeps it, and a bad table stops the start with the key named.
 */
class ProviderPricingCommandsTest {
    private static final String PRICING = """
            "tieredPricing": {"enabled": true, "tiers": [
               {"maxInputTokens": 32000, "inputMultiplier": 1, "outputMultiplier": 1},
               {"maxInputTokens": 0, "inputMultiplier": 3, "inputMultiplierDenominator": 2, "outputMultiplier": 2}]},
            "cacheTokenBilling": {"enabled": true, "divisor": 10,
               "writeMultiplierNumerator": 5, "writeMultiplierDenominator": 4}""";

    @TempDir
    Path home;

    private Path config(String pricing) throws Exception {
        Path config = home.resolve("provider.json");
        Files.writeString(config, """
                {"host": "127.0.0.1", "port": 0, "serviceType": "chatbot", "model": "tiered-model",
                 "inputPrice": "0.000000001", "outputPrice": "0.000000002", "upstream": "dev",
                 "dataDir": "provider-data", %s}
                """.formatted(pricing));
        return config;
    }

    @Test
    void theTiersAndCacheBillingShowInTheProviderListAndTheModelTable() throws Exception {
        TestChain chain = TestChain.get();
        chain.configure(home);
        Secp256k1Key provider = chain.newWallet(300);
        Map<String, String> env = TestChain.signingAs(provider);
        CliEnvironment environment = TestEnvironments.of(home, env, "");

        try (ProviderWallet wallet = ProviderWallet.open(environment, NetworkOptions.of(Optional.empty(),
                Optional.empty(), Optional.empty()));
             ProviderRuntime runtime = ProviderRuntime.start(ProviderFile.read(config(PRICING)), wallet, environment)) {
            String address = provider.address().checksummed();

            CliRun detail = CliRun.of(home, "inference", "list-providers-detail", "--include-invalid");
            assertThat(detail.exitCode()).as(detail.err()).isZero();
            assertThat(detail.out()).contains(address, "Tiered Pricing (0G/Token)",
                    "In: 0.000000001 / Out: 0.000000002 / Cache: 0.0000000001",
                    "In: 0.0000000015 / Out: 0.000000004 / Cache: 0.00000000015");

            CliRun models = CliRun.of(home, "inference", "get-models", "--provider", address);
            assertThat(models.exitCode()).as(models.err()).isZero();
            assertThat(models.out()).contains("tiered-model", "in 0.000000001 / out 0.000000002 per token",
                    "cache-hit in: 0.0000000001", "tiered by input tokens:",
                    "0-32k: in 0.000000001 / out 0.000000002", ">32k: in 0.0000000015 / out 0.000000004");

            CliRun update = CliRun.of(home, env, "", "inference", "update-service", "--output-price", "0.000000003");
            assertThat(update.exitCode()).as(update.err()).isZero();
            assertThat(CliRun.of(home, "inference", "list-providers-detail", "--include-invalid").out())
                    .as("update-service keeps the registered table")
                    .contains("In: 0.0000000015 / Out: 0.000000006 / Cache: 0.00000000015");
            assertThat(CliRun.of(home, env, "", "inference", "remove-service").exitCode()).isZero();
        }
    }

    @Test
    void aBadTierTableStopsTheStartNamingTheKey() throws Exception {
        Path config = config("""
                "cacheTokenBilling": {"enabled": true, "divisor": 0}""");

        CliRun run = CliRun.of(home, "provider", "start", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the provider config " + config + " is not valid: invalid pricing config:"
                + " cacheTokenBilling.divisor must be >= 1");

        Path otherModel = config("\"modelPricing\": [{\"model\": \"another\", \"cacheTokenBilling\": {}}]");
        assertThat(CliRun.of(home, "provider", "start", "--config", otherModel.toString()).err())
                .contains("is not valid: modelPricing names model 'another' but this broker serves 'tiered-model'");
    }
}
