package ai.zerog.compute.cli;

import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.core.Address;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The networks the CLI knows by name and by chain id (CLI-AND-UI.md §2.5): mainnet, testnet,
 * testnet's dev contract set ({@code ZG_DEV_MODE}) and the devnet (31337). Any other chain id
 * uses the testnet addresses, as the official CLI does, unless contracts are given.
 */
final class NetworkProfiles {
    static final long MAINNET_CHAIN_ID = NetworkProfile.MAINNET.chainId();
    static final long TESTNET_CHAIN_ID = NetworkProfile.TESTNET.chainId();
    static final long DEVNET_CHAIN_ID = NetworkProfile.DEVNET.chainId();

    private static final NetworkProfile TESTNET_DEV = new NetworkProfile("testnet", TESTNET_CHAIN_ID,
            NetworkProfile.TESTNET.rpcUrl(), Address.of("0x815B93ab4Ba4BDF530dbF1552649a3c534F8BbF7"),
            Address.of("0x41bD7Ac5c19000A974D5c192bcd5FB67b56C85c5"));

    private NetworkProfiles() {
    }

    /** The default profile for {@code chainId} at {@code rpc}; {@code devMode} picks testnet's dev contracts. */
    static NetworkProfile forChain(long chainId, URI rpc, boolean devMode) {
        NetworkProfile base;
        if (chainId == MAINNET_CHAIN_ID) {
            base = NetworkProfile.MAINNET;
        } else if (chainId == TESTNET_CHAIN_ID) {
            base = devMode ? TESTNET_DEV : NetworkProfile.TESTNET;
        } else if (chainId == DEVNET_CHAIN_ID) {
            base = NetworkProfile.DEVNET;
        } else {
            return new NetworkProfile("custom", chainId, rpc, NetworkProfile.TESTNET.ledger(),
                    NetworkProfile.TESTNET.inference());
        }
        return base.withRpc(rpc);
    }

    static boolean isKnown(long chainId) {
        return chainId == MAINNET_CHAIN_ID || chainId == TESTNET_CHAIN_ID || chainId == DEVNET_CHAIN_ID;
    }

    /** The public RPC of a named network ({@code mainnet}, {@code testnet}, {@code devnet}). */
    static Optional<String> publicRpc(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mainnet" -> Optional.of(NetworkProfile.MAINNET.rpcUrl().toString());
            case "testnet" -> Optional.of(NetworkProfile.TESTNET.rpcUrl().toString());
            case "devnet" -> Optional.of(NetworkProfile.DEVNET.rpcUrl().toString());
            default -> Optional.empty();
        };
    }

    /** How {@code show-network} names an RPC URL it was not told the network of. */
    static String guessName(String rpc) {
        if (rpc.contains("evmrpc-testnet.0g.ai")) {
            return "Testnet";
        }
        if (rpc.contains("evmrpc.0g.ai")) {
            return "Mainnet";
        }
        return "Custom";
    }
}
