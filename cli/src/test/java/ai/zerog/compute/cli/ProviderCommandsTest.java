package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Secp256k1Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider started from a config file, then updated and removed with the official command names. */
class ProviderCommandsTest {
    @TempDir
    Path home;

    @Test
    void aProviderStartsFromItsConfigFileAndManagesItsService() throws Exception {
        TestChain chain = TestChain.get();
        chain.configure(home);
        Secp256k1Key provider = chain.newWallet(300);
        Map<String, String> env = TestChain.signingAs(provider);
        Path config = home.resolve("provider.json");
        Files.writeString(config, """
                {"host": "127.0.0.1", "port": 0, "serviceType": "chatbot", "model": "cli-test-model",
                 "inputPrice": "0.000000001", "outputPrice": "0.000000002", "upstream": "dev",
                 "dataDir": "provider-data", "settlementIntervalSeconds": 60}
                """);
        CliEnvironment environment = TestEnvironments.of(home, env, "");

        try (ProviderWallet wallet = ProviderWallet.open(environment, NetworkOptions.of(Optional.empty(),
                Optional.empty(), Optional.empty()));
             ProviderRuntime runtime = ProviderRuntime.start(ProviderFile.read(config), wallet, environment)) {
            assertThat(home.resolve("provider-data/tee-signer.json")).exists();
            CliRun listed = CliRun.of(home, "inference", "list-providers", "--include-invalid");
            assertThat(listed.out()).contains(provider.address().checksummed(), "cli-test-model");
            assertThat(CliRun.of(home, "inference", "list-providers").out())
                    .doesNotContain(provider.address().checksummed());

            CliRun verify = CliRun.of(home, "inference", "verify", "--provider", provider.address().checksummed(),
                    "--output-dir", home.toString());
            assertThat(verify.exitCode()).as("a signer the owner has not acknowledged fails a check")
                    .isEqualTo(ExitCodes.VERIFICATION_FAILED);
            assertThat(verify.out()).contains("❌");
            assertThat(verify.err()).contains("✗ Verification failed: 1 check(s) failed");

            CliRun nothing = CliRun.of(home, env, "", "inference", "update-service");
            assertThat(nothing.exitCode()).isEqualTo(1);
            assertThat(nothing.err()).contains("At least one of --url, --model, --input-price, or --output-price");

            CliRun update = CliRun.of(home, env, "", "inference", "update-service", "--model", "cli-test-model-2",
                    "--output-price", "0.000000003");
            assertThat(update.exitCode()).as(update.err()).isZero();
            assertThat(update.out()).contains("Updating service with options:", "model: cli-test-model-2",
                    "outputPrice: 3000000000 neuron", "Service updated successfully!");
            assertThat(CliRun.of(home, "inference", "list-providers", "--include-invalid").out())
                    .contains("cli-test-model-2", "0.000000003");
            assertThat(CliRun.of(home, env, "", "inference", "update-service", "--model", "cli-test-model-2").out())
                    .contains("nothing sent");

            CliRun remove = CliRun.of(home, env, "", "inference", "remove-service");
            assertThat(remove.exitCode()).as(remove.err()).isZero();
            assertThat(remove.out()).contains("Service removed successfully!");
            assertThat(CliRun.of(home, env, "", "inference", "remove-service").out()).contains("nothing to remove");
        }
    }

    @Test
    void aBadConfigFileIsOneLineNamingTheProblem() throws Exception {
        Path config = home.resolve("provider.json");
        Files.writeString(config, "{\"serviceType\": \"chatbot\", \"model\": \"m\"}");

        CliRun run = CliRun.of(home, "provider", "start", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the provider config " + config + " is not valid: \"inputPrice\"");

        CliRun missing = CliRun.of(home, "provider", "start", "--config", home.resolve("nope.json").toString());
        assertThat(missing.err()).contains("cannot read the provider config");
    }

    @Test
    void updateServiceWithoutAServiceSaysHowToStartOne() {
        TestChain chain = TestChain.get();
        chain.configure(home);

        CliRun run = CliRun.of(home, TestChain.signingAs(chain.newWallet(1)), "", "inference", "update-service",
                "--model", "m");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no service is registered").contains("provider start --config");
    }
}
