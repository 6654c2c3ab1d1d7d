package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.AnvilOptions;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a local devnet chain: anvil (state kept in {@code devnet-data/anvil-state.json}),
 * our contracts at the addresses the official tools expect, and the profile in
 * {@code devnet-data/network.json}. Runs until Ctrl-C, which stops anvil and saves its state.
 * Usage: {@code DevnetMain [port] [data-dir]}.
 */
public final class DevnetMain {
    private DevnetMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8545;
        Path dataDir = Path.of(args.length > 1 ? args[1] : "devnet-data").toAbsolutePath();
        PrintStream out = System.out;
        out.println("Starting anvil on 127.0.0.1:" + port + " (state in " + dataDir + ") ...");
        AnvilNode node = AnvilNode.start(AnvilOptions.builder().port(port)
                .stateFile(dataDir.resolve("anvil-state.json")).logFile(dataDir.resolve("anvil.log")).build());
        try (EvmRpc rpc = EvmRpc.connect(node.rpcUrl())) {
            List<String> keys = AnvilNode.defaultPrivateKeys();
            Secp256k1Key deployer = Secp256k1Key.fromHex(keys.get(0));
            DevnetDeployer.Result result = DevnetDeployer.ensureDeployed(rpc, deployer,
                    DevnetDeployer.Options.defaults(dataDir.resolve("network.json")));
            NetworkProfile profile = result.profile();
            out.println(result.deployed() ? "Deployed our contracts." : "Found our contracts from the saved state.");
            out.println("  chain id        " + profile.chainId());
            out.println("  rpc             " + profile.rpcUrl());
            out.println("  LedgerManager   " + profile.ledger());
            out.println("  InferenceServing " + profile.inference());
            out.println("  profile         " + dataDir.resolve("network.json"));
            LedgerManagerContract ledger = LedgerManagerContract.readOnly(rpc, profile.ledger());
            out.println("  min ledger      " + Units.formatOg(ledger.minAccountBalance()) + " 0G, min transfer "
                    + Units.formatOg(ledger.minTransferAmount()) + " 0G");
            out.println("Dev accounts (anvil's well-known keys; never use them on a real network):");
            for (int i = 0; i < 3; i++) {
                Address account = Secp256k1Key.fromHex(keys.get(i)).address();
                BigInteger balance = rpc.balanceOf(account);
                out.println("  #" + i + " " + account + "  " + Units.formatOg(balance) + " 0G");
            }
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        out.println("Devnet is up. Press Ctrl-C to stop (state is saved).");
        new CountDownLatch(1).await();
    }
}
