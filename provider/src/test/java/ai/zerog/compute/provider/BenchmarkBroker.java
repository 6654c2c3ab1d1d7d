package ai.zerog.compute.provider;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.core.Address;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The broker of {@link BrokerBenchmark}, run as a child JVM so its resident memory is its own:
 * a production {@link ProviderServer} (SQLite fee store, software TEE signer, Prometheus metrics) on a free loopback
 * port with the given upstream ({@code dev} = the dev model in-process, else an OpenAI base URL).
 * Prints {@code ready <port>} and serves until its standard input closes.
 * Arguments: rpcUrl inferenceContract provider signerFile feeDb upstream.
 */
public final class BenchmarkBroker {
    /** High per-user limits: the benchmark measures overhead, not limits. */
    static final RateLimits LIMITS = new RateLimits(1_000_000, 1_000_000, 10_000, 10_000);

    private BenchmarkBroker() {
    }

    public static void main(String[] args) throws IOException {
        for (String name : List.of("io.helidon", "org.flywaydb", "com.zaxxer.hikari")) {
            Logger.getLogger(name).setLevel(Level.WARNING);
        }
        EvmRpc rpc = EvmRpc.connect(URI.create(args[0]));
        Upstream upstream = args[5].equals("dev") ? DevModel.create()
                : OpenAiUpstream.create(OpenAiUpstreamConfig.of(URI.create(args[5])));
        TeeSigner signer = SoftwareTeeSigner.openOrCreate(Path.of(args[3]));
        // -Dbroker.jvm="... -Dfees.durability=process" measures the SQLite setting without an fsync per answer
        FeeStore store = FeeStore.sqlite(Path.of(args[4]), SqliteDurability.valueOf(
                System.getProperty("fees.durability", "full").toUpperCase(java.util.Locale.ROOT)));
        ProviderConfig config = BrokerFixture.defaultConfig().withLimits(LIMITS);
        ProviderServer server = ProviderServer.start(config, new ProviderParts(rpc, Address.of(args[1]),
                Address.of(args[2]), signer, store, upstream, user -> { }, Clock.systemUTC(), BrokerMetrics.prometheus()));
        System.out.println("ready " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the benchmark closes our standard input (or dies)
        }
        server.close();
        store.close();
        rpc.close();
    }
}
