package ai.zerog.compute.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code show-network}: which RPC commands use and why; never prompts, never connects. */
@Command(name = "show-network", mixinStandardHelpOptions = true,
        description = "Show the RPC endpoint in use and where it comes from")
final class ShowNetworkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        CliConfig config = CliConfig.load(environment);
        Optional<String> variable = environment.variable("ZG_RPC_ENDPOINT").or(() -> environment.variable("RPC_ENDPOINT"));
        if (json.enabled()) {
            ObjectNode node = JsonOption.object();
            variable.or(config::rpcEndpoint).ifPresent(rpc -> node.put("rpc", rpc));
            node.put("source", variable.isPresent() ? "environment" : config.rpcEndpoint().isPresent() ? "config" : "none");
            config.network().ifPresent(n -> node.put("network", n));
            config.chainId().ifPresent(id -> node.put("chainId", id));
            config.ledgerCa().ifPresent(a -> node.put("ledgerCa", a.checksummed()));
            config.inferenceCa().ifPresent(a -> node.put("inferenceCa", a.checksummed()));
            node.put("configFile", CliConfig.file(environment).toString());
            environment.out().print(JsonOption.render(node));
            return ExitCodes.OK;
        }
        PrintStream out = environment.out();
        if (variable.isPresent()) {
            String name = NetworkProfiles.guessName(variable.get());
            out.println("✓ RPC Endpoint (Environment): " + variable.get());
            out.println((name.equals("Custom") ? "⚠ Network: " : "✓ Network: ") + name);
        } else if (config.rpcEndpoint().isPresent()) {
            out.println("✓ RPC Endpoint (Config): " + config.rpcEndpoint().get());
            out.println("✓ Network: " + config.network().map(ShowNetworkCommand::capitalized).orElse("Unknown"));
            config.lastUpdated().ifPresent(t -> out.println("  Last updated: " + t));
            if (config.ledgerCa().isPresent()) {
                out.println("  Contracts (chain " + config.chainId().orElse(0) + "): LedgerManager "
                        + config.ledgerCa().get().checksummed() + ", InferenceServing "
                        + config.inferenceCa().map(a -> a.checksummed()).orElse("default"));
            }
        } else {
            out.println("⚠ No RPC endpoint configured");
            out.println("Run: 0g-compute-cli setup-network");
        }
        out.println();
        out.println("Known networks:");
        out.println("  Mainnet: https://evmrpc.0g.ai (chain 16661)");
        out.println("  Testnet: https://evmrpc-testnet.0g.ai (chain 16602)");
        out.println("  Devnet:  local anvil started by 0g-compute-cli devnet up (chain 31337)");
        out.println();
        out.println("Priority: --rpc > ZG_RPC_ENDPOINT > RPC_ENDPOINT > config file");
        out.println("Config file: " + CliConfig.file(environment));
        return ExitCodes.OK;
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
