package ai.zerog.compute.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code setup-network}: chooses the default network, from a menu or, for scripts, with
 * {@code --network mainnet|testnet|devnet} and/or {@code --rpc <url>}. Unlike the official CLI
 * it keeps the saved key.
 */
@Command(name = "setup-network", mixinStandardHelpOptions = true,
        description = "Choose the default network (menu, or --network / --rpc for scripts); keeps the saved key")
final class SetupNetworkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--network", paramLabel = "<name>", description = "mainnet, testnet, devnet or custom (with --rpc)")
    String network;

    @Option(names = "--rpc", paramLabel = "<url>", description = "RPC endpoint (a custom network, or another RPC for --network)")
    String rpc;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        var out = environment.out();
        NetworkMenu.Choice choice;
        if (network != null || rpc != null) {
            choice = NetworkMenu.fromFlags(environment, Optional.ofNullable(network), Optional.ofNullable(rpc), out);
        } else {
            choice = NetworkMenu.askAndSave(environment, out);
        }
        out.println();
        out.println("✓ Network configuration completed!");
        out.println("Selected RPC: " + choice.rpc());
        out.println("This setting is saved and used by every command (--rpc or ZG_RPC_ENDPOINT still override it).");
        return ExitCodes.OK;
    }
}
