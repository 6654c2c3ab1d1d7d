package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliConfig;
import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One {@link LocalDevnet} per test JVM, shared by every CLI test: free ports, a temporary data
 * folder, three dev providers and a funded dev wallet ({@link LocalDevnet#userKey()}). Started on
 * first use, closed (and its folder deleted) by a shutdown hook. Tests must not close it, and
 * should use their own wallets ({@link #fundedWallet(long)}, or accounts 5..9 of
 * {@link LocalDevnet#accounts()}) for anything that changes balances others rely on.
 */
public final class TestDevnet {
    private static LocalDevnet shared;

    private TestDevnet() {
    }

    public static synchronized LocalDevnet shared() {
        if (shared == null) {
            Path dataDir = temporaryFolder();
            LocalDevnet devnet = LocalDevnet.start(DevnetOptions.of(dataDir).withFreePorts());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                devnet.close();
                deleteRecursively(dataDir);
            }, "test-devnet-shutdown"));
            shared = devnet;
        }
        return shared;
    }

    /**
     * Makes {@code home} a CLI home whose active network is the shared devnet and whose identity is
     * devnet account {@code accountIndex} (as {@code devnet up} leaves it): then
     * {@code CliRun.of(home, "get-account")} runs against the devnet.
     */
    public static LocalDevnet useIn(Path home, int accountIndex) {
        LocalDevnet devnet = shared();
        CliEnvironment environment = new CliEnvironment(new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()), new ByteArrayInputStream(new byte[0]), Map.of(), home,
                false);
        DevnetSummary summary = devnet.summary();
        new DevnetState(summary, devnet.accounts().mnemonic(), devnet.dataDir())
                .writeTo(DevnetState.activeFile(environment));
        CliConfig.load(environment).withDevnet(summary.rpc().toString(), summary.ledger(), summary.inference(),
                accountIndex).save(environment);
        return devnet;
    }

    /** {@link #useIn(Path, int)} with the dev wallet, which has a ledger and a sub-account with each provider. */
    public static LocalDevnet useIn(Path home) {
        return useIn(home, DevnetAccounts.USER);
    }

    /** A new random wallet holding {@code og} 0G on the shared devnet, and nothing else (no ledger). */
    public static Secp256k1Key fundedWallet(long og) {
        Secp256k1Key wallet = Secp256k1Key.random();
        shared().node().setBalance(wallet.address().checksummed(), Units.og(og));
        return wallet;
    }

    static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("zg-test-devnet-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
