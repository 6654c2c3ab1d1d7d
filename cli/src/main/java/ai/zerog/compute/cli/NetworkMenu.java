package ai.zerog.compute.cli;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Choosing the default network: the interactive menu (Mainnet, Testnet, a local devnet, a
 * custom RPC) of {@code setup-network} and of any command that finds no RPC, or a network
 * named by flag. The choice is saved; the key is kept.
 */
final class NetworkMenu {
    static final String NO_TERMINAL = "Run: 0g-compute-cli setup-network --network testnet|mainnet|devnet"
            + " (or --rpc <url>), pass --rpc <url>, or set ZG_RPC_ENDPOINT";
    private static final List<String> CHOICES = List.of(
            "Mainnet (https://evmrpc.0g.ai)",
            "Testnet (https://evmrpc-testnet.0g.ai)",
            "Local devnet (0g-compute-cli devnet up)",
            "Custom RPC Endpoint");

    /** A saved choice: network key and RPC URL. */
    record Choice(String network, String rpc) {
    }

    private NetworkMenu() {
    }

    /** Asks, saves and reports on {@code report}. */
    static Choice askAndSave(CliEnvironment environment, PrintStream report) {
        Prompter prompter = Prompter.of(environment);
        environment.err().println("0G Compute CLI Network Setup");
        int picked = prompter.choose("Please select a network to use as default:", CHOICES, NO_TERMINAL);
        Choice choice = switch (picked) {
            case 0 -> new Choice("mainnet", NetworkProfiles.publicRpc("mainnet").orElseThrow());
            case 1 -> new Choice("testnet", NetworkProfiles.publicRpc("testnet").orElseThrow());
            case 2 -> new Choice("devnet", devnetRpc(environment));
            default -> new Choice("custom", askCustomRpc(prompter, environment.err()));
        };
        save(environment, choice, report);
        return choice;
    }

    /** The choice named by {@code network} (mainnet, testnet, devnet) or {@code rpc} (custom), saved. */
    static Choice fromFlags(CliEnvironment environment, Optional<String> network, Optional<String> rpc,
                            PrintStream report) {
        Choice choice;
        if (network.isPresent()) {
            String name = network.get().strip().toLowerCase(Locale.ROOT);
            String url = switch (name) {
                case "mainnet", "testnet" -> rpc.orElseGet(() -> NetworkProfiles.publicRpc(name).orElseThrow());
                case "devnet", "local", "hardhat" -> rpc.orElseGet(() -> devnetRpc(environment));
                case "custom" -> rpc.orElseThrow(() -> new CliFailure("--network custom needs --rpc <url>",
                        "Run: 0g-compute-cli setup-network --rpc <url>"));
                default -> throw new CliFailure("unknown network '" + network.get() + "'",
                        "Use --network mainnet, testnet or devnet, or --rpc <url> for a custom endpoint.");
            };
            choice = new Choice(name.equals("local") || name.equals("hardhat") ? "devnet" : name, validRpc(url));
        } else {
            String url = validRpc(rpc.orElseThrow());
            choice = new Choice(knownNetworkOf(url), url);
        }
        save(environment, choice, report);
        return choice;
    }

    private static void save(CliEnvironment environment, Choice choice, PrintStream report) {
        CliConfig.load(environment).withNetwork(choice.network(), choice.rpc()).save(environment);
        report.println("✓ Selected: " + choice.network());
        report.println("✓ RPC endpoint configured: " + choice.rpc());
        report.println("Network: " + choice.network());
        report.println("ℹ Settings saved to " + CliConfig.file(environment));
    }

    private static String askCustomRpc(Prompter prompter, PrintStream prompts) {
        while (true) {
            String url = prompter.line("Enter custom RPC endpoint URL:", NO_TERMINAL);
            if (url.isEmpty()) {
                prompts.println("Custom RPC endpoint cannot be empty");
                continue;
            }
            try {
                return validRpc(url);
            } catch (CliFailure e) {
                prompts.println("Invalid URL format. Please enter a valid URL.");
            }
        }
    }

    /** {@code url} if it is an http(s) URL with a host. */
    static String validRpc(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new CliFailure("invalid RPC URL '" + url + "': expected http(s)://host[:port]",
                "Pass a URL such as https://evmrpc-testnet.0g.ai or http://127.0.0.1:8545.");
    }

    private static String knownNetworkOf(String url) {
        return switch (NetworkProfiles.guessName(url)) {
            case "Mainnet" -> "mainnet";
            case "Testnet" -> "testnet";
            default -> "custom";
        };
    }

    /** The RPC of the devnet {@code devnet up} started (its state file), else the usual local port. */
    static String devnetRpc(CliEnvironment environment) {
        return DevnetKeys.savedRpc(environment).orElseGet(() -> NetworkProfiles.publicRpc("devnet").orElseThrow());
    }
}
