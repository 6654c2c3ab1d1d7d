package ai.zerog.compute.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code provider start --config <file>}: starts the provider broker (HTTP server, settlement,
 * software TEE signer), registers or updates the service with the logged-in wallet, and serves
 * until Ctrl-C. The file format is described on {@link ProviderFile}.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start a provider broker from a JSON config file and register its service",
        footer = {"", "Config file (JSON): host, port, publicUrl, serviceType (chatbot | text-to-image | image-editing |",
                "speech-to-text), model, inputPrice and outputPrice (0G per unit), upstream (\"dev\" or",
                "{\"baseUrl\": \"http://127.0.0.1:8000/v1\", \"apiKeyEnv\": \"NAME\"}), dataDir, settlementIntervalSeconds,",
                "register (default true). The wallet is the logged-in one (or ZG_PRIVATE_KEY).",
                "Chat pricing (optional, as the official broker): tieredPricing {enabled, tiers: [{maxInputTokens,",
                "inputMultiplier, inputMultiplierDenominator?, outputMultiplier, outputMultiplierDenominator?}]},",
                "cacheTokenBilling {enabled, divisor (default 4), writeMultiplierNumerator/Denominator?,",
                "write1hMultiplierNumerator/Denominator?}, modelPricing [{model, tiers, cacheTokenBilling}].",
                "Fee store (optional, default {\"type\": \"sqlite\", \"durability\": \"full\"} in",
                "dataDir/fees.db): feeStore {\"type\": \"sqlite\", \"durability\": \"process\"} skips",
                "the fsync per answer (a commit survives a broker crash, not a power cut: the",
                "provider may lose the last fees, users are never over-charged), or",
                "{\"type\": \"postgresql\", \"url\": \"jdbc:postgresql://host:5432/db\",",
                "\"user\": \"broker\", \"passwordEnv\": \"ZG_FEE_STORE_PASSWORD\"} for several brokers",
                "of one provider on one database (all serve, one settles at a time; give them",
                "the same dataDir/tee-signer.json). The password comes from that variable only."})
final class ProviderStartCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Option(names = "--config", paramLabel = "<file>", required = true, description = "Provider config (JSON)")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        ProviderFile file = ProviderFile.read(environment.resolve(config));
        file.feeStore().checkEnvironment(environment); // before the wallet may prompt for its password
        ProviderWallet wallet = ProviderWallet.open(environment, network);
        ProviderRuntime runtime;
        try {
            runtime = ProviderRuntime.start(file, wallet, environment);
        } catch (RuntimeException e) {
            wallet.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            wallet.close();
            stopped.countDown();
        }, "provider-shutdown"));
        environment.out().println("Provider is running. Press Ctrl-C to stop.");
        stopped.await();
        return ExitCodes.OK;
    }
}
