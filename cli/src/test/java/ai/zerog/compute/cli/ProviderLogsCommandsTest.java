package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Secp256k1Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider started with a data folder reads its own broker logs with list-logs, view-log and download-log. */
class ProviderLogsCommandsTest {
    @TempDir
    Path home;

    @Test
    void theProviderReadsItsOwnLogs() throws Exception {
        TestChain chain = TestChain.get();
        chain.configure(home);
        Secp256k1Key provider = chain.newWallet(300);
        Map<String, String> env = TestChain.signingAs(provider);
        Path config = home.resolve("provider.json");
        Files.writeString(config, """
                {"host": "127.0.0.1", "port": 0, "serviceType": "chatbot", "model": "log-test-model",
                 "inputPrice": "0.000000001", "outputPrice": "0.000000002", "upstream": "dev",
                 "dataDir": "provider-data", "settlementIntervalSeconds": 60}
                """);
        CliEnvironment environment = TestEnvironments.of(home, env, "");

        try (ProviderWallet wallet = ProviderWallet.open(environment, NetworkOptions.of(Optional.empty(),
                Optional.empty(), Optional.empty()));
             ProviderRuntime runtime = ProviderRuntime.start(ProviderFile.read(config), wallet, environment)) {
            Logger broker = Logger.getLogger("ai.zerog.compute.provider.ProviderRoutes");
            for (int i = 1; i <= 8; i++) {
                broker.info("broker test line " + i);
            }
            Logger.getLogger("ai.zerog.compute.provider.SettlementWorker").info("settlement test line");

            CliRun list = CliRun.of(home, env, "", "inference", "list-logs");
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out()).contains("Component", "Filename", "Size (bytes)", "Modified Time", "Current",
                    "broker.0.log", "event.0.log");
            CliRun events = CliRun.of(home, env, "", "inference", "list-logs", "--component", "event");
            assertThat(events.out()).contains("event.0.log").doesNotContain("broker.0.log");

            CliRun view = CliRun.of(home, env, "", "inference", "view-log", "--component", "broker",
                    "--filename", "broker.0.log", "--tail", "--lines", "5");
            assertThat(view.exitCode()).as(view.err()).isZero();
            assertThat(view.out()).contains("Log file: broker/broker.0.log",
                    "Provider: " + provider.address().checksummed(), "=".repeat(80), "broker test line 8");
            String body = view.out().substring(view.out().indexOf("=".repeat(80)) + 81);
            assertThat(body.lines().count()).isEqualTo(5);

            CliRun download = CliRun.of(home, env, "", "inference", "download-log", "--component", "event",
                    "--filename", "event.0.log", "--output", home.resolve("event.log").toString());
            assertThat(download.exitCode()).as(download.err()).isZero();
            assertThat(download.out()).contains("Log file downloaded to: ");
            assertThat(Files.readString(home.resolve("event.log"))).contains("settlement test line")
                    .doesNotContain("broker test line");

            CliRun missing = CliRun.of(home, env, "", "inference", "view-log", "--component", "broker",
                    "--filename", "../tee-signer.json");
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.err()).contains("log file not found");

            CliRun stranger = CliRun.of(home, TestChain.signingAs(chain.newWallet(1)), "", "inference", "list-logs");
            assertThat(stranger.exitCode()).isEqualTo(1);
        }
    }
}
