package ai.zerog.compute.cli;

import ai.zerog.compute.provider.BrokerLogFiles;
import ai.zerog.compute.provider.BrokerMetrics;
import ai.zerog.compute.provider.DevModel;
import ai.zerog.compute.provider.FeeStore;
import ai.zerog.compute.provider.OpenAiUpstream;
import ai.zerog.compute.provider.OpenAiUpstreamConfig;
import ai.zerog.compute.provider.ProviderConfig;
import ai.zerog.compute.provider.ProviderParts;
import ai.zerog.compute.provider.ProviderServer;
import ai.zerog.compute.provider.RateLimits;
import ai.zerog.compute.provider.RegistrationResult;
import ai.zerog.compute.provider.ServiceConfig;
import ai.zerog.compute.provider.ServiceRegistration;
import ai.zerog.compute.provider.SettlementConfig;
import ai.zerog.compute.provider.SettlementReport;
import ai.zerog.compute.provider.SettlementWorker;
import ai.zerog.compute.provider.SoftwareTeeSigner;
import ai.zerog.compute.provider.Upstream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider's broker assembled from the provider module's parts: the TEE
 * signer sealed in the data folder, fees in the file's {@link FeeStoreSetting} (SQLite in the data
 * folder, or PostgreSQL shared with other brokers of this provider: the store's settler lease lets
 * one settle at a time), the settlement worker, the HTTP server in front of the upstream, and the
 * service registered (or updated) on chain.
 */
final class ProviderRuntime implements AutoCloseable {
    private final ProviderServer server;
    private final SettlementWorker settlement;
    private final FeeStore store;
    private final Upstream upstream;
    private final URI publicUrl;
    private final BrokerLogFiles logFiles;

    private ProviderRuntime(ProviderServer server, SettlementWorker settlement, FeeStore store, Upstream upstream,
                            URI publicUrl, BrokerLogFiles logFiles) {
        this.server = server;
        this.settlement = settlement;
        this.store = store;
        this.upstream = upstream;
        this.publicUrl = publicUrl;
        this.logFiles = logFiles;
    }

    static ProviderRuntime start(ProviderFile file, ProviderWallet wallet, CliEnvironment environment) {
        PrintStream out = environment.out();
        BrokerLogFiles logFiles = BrokerLogFiles.install(file.dataDir());
        SoftwareTeeSigner signer;
        FeeStore store;
        try {
            signer = SoftwareTeeSigner.openOrCreate(file.dataDir().resolve("tee-signer.json"));
            store = file.feeStore().open(file.dataDir(), environment);
        } catch (RuntimeException e) {
            logFiles.close(); // the handlers would otherwise stay on the root logger
            throw e;
        }
        BrokerMetrics metrics = BrokerMetrics.prometheus();
        var network = wallet.network().profile();
        Upstream upstream;
        SettlementWorker settlement;
        try {
            upstream = upstream(file, environment);
            settlement = SettlementWorker.create(store, wallet.sender(), network.inference(), signer, network.chainId(),
                    Clock.systemUTC(), SettlementConfig.defaults().withInterval(file.settlementInterval()), metrics);
        } catch (RuntimeException e) {
            logFiles.close();
            store.close(); // a PostgreSQL pool would otherwise keep connections (and the JVM) alive
            throw e;
        }
        ProviderServer server;
        ProviderConfig config;
        try {
            config = new ProviderConfig(file.host(), file.port(), file.serviceType(), file.model(),
                    file.inputPrice(), file.outputPrice(), file.verifiability(), RateLimits.DEFAULTS,
                    ProviderConfig.DEFAULT_MAX_BODY_BYTES, ProviderConfig.DEFAULT_SIGNATURE_RETENTION,
                    Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(1), file.pricing());
            server = ProviderServer.start(config, new ProviderParts(wallet.rpc(), network.inference(), wallet.address(),
                    signer, store, upstream, settlement::requestEarlySettlement, Clock.systemUTC(), metrics),
                    logFiles.logs());
        } catch (RuntimeException e) {
            logFiles.close();
            settlement.close();
            store.close();
            throw e;
        }
        settlement.start();
        URI publicUrl = file.publicUrl().orElse(server.url());
        ProviderRuntime runtime = new ProviderRuntime(server, settlement, store, upstream, publicUrl, logFiles);
        out.println("Broker listening on " + server.url() + " (TEE signer " + signer.address().checksummed()
                + ", software attestation)");
        out.println("Fee store: " + file.feeStore().describe(file.dataDir()));
        if (file.register()) {
            try {
                RegistrationResult result = ServiceRegistration.register(wallet.sender(), network.inference(),
                        ServiceConfig.forBroker(config, publicUrl), signer);
                wallet.confirmed();
                out.println("Service " + result.outcome().name().toLowerCase(java.util.Locale.ROOT) + ": provider "
                        + wallet.address().checksummed() + " serves " + file.model() + " at " + publicUrl + "/v1/proxy");
                if (!result.teeSignerAcknowledged()) {
                    out.println("⚠ The contract owner has not acknowledged the TEE signer yet: users see the service"
                            + " only with list-providers --include-invalid until then.");
                }
            } catch (RuntimeException e) {
                runtime.close();
                throw e;
            }
        }
        return runtime;
    }

    private static Upstream upstream(ProviderFile file, CliEnvironment environment) {
        if (file.upstreamUrl().isEmpty()) {
            return DevModel.create();
        }
        OpenAiUpstreamConfig config = OpenAiUpstreamConfig.of(file.upstreamUrl().get());
        Optional<String> key = file.upstreamKeyVariable().flatMap(environment::variable);
        return OpenAiUpstream.create(key.map(config::withApiKey).orElse(config));
    }

    URI url() {
        return server.url();
    }

    FeeStore feeStore() {
        return store;
    }

    /** Runs a settlement round now (skipped while another broker on a shared store holds the settler lease). */
    SettlementReport settleNow() {
        return settlement.runOnce();
    }

    URI publicUrl() {
        return publicUrl;
    }

    @Override
    public void close() {
        server.close();
        settlement.close();
        store.close();
        logFiles.close();
        if (upstream instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing an HTTP client cannot fail in a way worth reporting at shutdown
            }
        }
    }
}
