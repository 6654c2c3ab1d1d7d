package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a {@link LocalDevnet}: its data folder (state survives restarts there), the anvil
 * RPC port and the first of three consecutive provider ports (0 picks free ports), the mnemonic of
 * its accounts (empty: the one already in the data folder, else anvil's default), and how often
 * the providers settle their fees.
 */
public record DevnetOptions(Path dataDir, int rpcPort, int firstProviderPort, Optional<String> mnemonic,
                            Duration settlementInterval) {
    public static final int DEFAULT_RPC_PORT = 8545;
    public static final int DEFAULT_PROVIDER_PORT = 8080;

    public DevnetOptions {
        dataDir = dataDir.toAbsolutePath().normalize();
        checkPort("RPC port", rpcPort, 0);
        checkPort("first provider port", firstProviderPort, DevService.values().length - 1);
        Objects.requireNonNull(mnemonic, "mnemonic");
        if (settlementInterval.isNegative() || settlementInterval.isZero()) {
            throw new CliFailure("the settlement interval must be positive, got " + settlementInterval, "");
        }
    }

    /** The default ports (8545, 8080-8082), the accounts already used in {@code dataDir}, settlement every minute. */
    public static DevnetOptions of(Path dataDir) {
        return new DevnetOptions(dataDir, DEFAULT_RPC_PORT, DEFAULT_PROVIDER_PORT, Optional.empty(), Duration.ofMinutes(1));
    }

    /** Free ports chosen by the system: for tests and for several devnets side by side. */
    public DevnetOptions withFreePorts() {
        return withPorts(0, 0);
    }

    public DevnetOptions withPorts(int rpc, int firstProvider) {
        return new DevnetOptions(dataDir, rpc, firstProvider, mnemonic, settlementInterval);
    }

    public DevnetOptions withMnemonic(String phrase) {
        return new DevnetOptions(dataDir, rpcPort, firstProviderPort, Optional.of(phrase), settlementInterval);
    }

    public DevnetOptions withSettlementInterval(Duration interval) {
        return new DevnetOptions(dataDir, rpcPort, firstProviderPort, mnemonic, interval);
    }

    private static void checkPort(String name, int port, int following) {
        if (port < 0 || port + following > 65_535) {
            throw new CliFailure(name + " must be in 0.." + (65_535 - following) + " (0 picks a free port), got " + port,
                    "");
        }
    }

    // The mnemonic may be a real secret.
    @Override
    public String toString() {
        return "DevnetOptions[dataDir=" + dataDir + ", rpcPort=" + rpcPort + ", firstProviderPort=" + firstProviderPort
                + ", mnemonic=" + (mnemonic.isPresent() ? "<given>" : "default") + ", settlementInterval="
                + settlementInterval + "]";
    }
}
