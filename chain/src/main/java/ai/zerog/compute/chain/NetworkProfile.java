package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which chain and which contracts: the official mainnet and testnet deployments (PROTOCOL.md
 * §1.1, §2), the local devnet (chain 31337 at the addresses the official SDK assumes), or any
 * of these with the RPC or a contract address overridden.
 */
public record NetworkProfile(String name, long chainId, URI rpcUrl, Address ledger, Address inference) {
    public static final String INFERENCE_SERVICE_NAME = "inference-v1.0";

    public static final NetworkProfile MAINNET = new NetworkProfile("mainnet", 16661,
            URI.create("https://evmrpc.0g.ai"),
            Address.of("0x2dE54c845Cd948B72D2e32e39586fe89607074E3"),
            Address.of("0x47340d900bdFec2BD393c626E12ea0656F938d84"));

    public static final NetworkProfile TESTNET = new NetworkProfile("testnet", 16602,
            URI.create("https://evmrpc-testnet.0g.ai"),
            Address.of("0xE70830508dAc0A97e6c087c75f402f9Be669E406"),
            Address.of("0xa79F4c8311FF93C06b8CfB403690cc987c93F91E"));

    /** Chain 31337 with the addresses a fresh devnet deployment from anvil account #0 produces. */
    public static final NetworkProfile DEVNET = new NetworkProfile("devnet", 31337,
            URI.create("http://127.0.0.1:8545"),
            Address.of("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0"),
            Address.of("0x0165878A594ca255338adfa4d48449f69242Eb8F"));

    private static final ObjectMapper JSON = new ObjectMapper();

    public NetworkProfile {
        if (name == null || name.isBlank()) {
            throw new ChainException("network profile name must not be blank");
        }
        if (chainId <= 0) {
            throw new ChainException("network profile " + name + ": chainId must be positive, got " + chainId);
        }
        String scheme = rpcUrl.getScheme() == null ? "" : rpcUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ChainException("network profile " + name + ": rpcUrl must be http(s), got " + rpcUrl);
        }
    }

    /** {@code mainnet}, {@code testnet} or {@code devnet}. */
    public static NetworkProfile named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mainnet" -> MAINNET;
            case "testnet" -> TESTNET;
            case "devnet", "hardhat", "local" -> DEVNET;
            default -> throw new ChainException("unknown network '" + name + "': use mainnet, testnet or devnet");
        };
    }

    public NetworkProfile withRpc(URI url) {
        return new NetworkProfile(name, chainId, url, ledger, inference);
    }

    public NetworkProfile withLedger(Address address) {
        return new NetworkProfile(name, chainId, rpcUrl, address, inference);
    }

    public NetworkProfile withInference(Address address) {
        return new NetworkProfile(name, chainId, rpcUrl, ledger, address);
    }

    /** Writes the profile as JSON: name, chainId, rpcUrl and contract addresses. */
    public void writeTo(Path file) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name);
        node.put("chainId", chainId);
        node.put("rpcUrl", rpcUrl.toString());
        node.putObject("contracts")
                .put("ledger", ledger.checksummed())
                .put("inference", inference.checksummed());
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = Files.createTempFile(parent, ".profile", ".json");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ChainException("cannot write network profile " + file, e);
        }
    }

    public static NetworkProfile readFrom(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            JsonNode contracts = node.path("contracts");
            return new NetworkProfile(text(node, "name", file), node.path("chainId").asLong(-1),
                    URI.create(text(node, "rpcUrl", file)),
                    Address.of(text(contracts, "ledger", file)), Address.of(text(contracts, "inference", file)));
        } catch (IOException e) {
            throw new ChainException("cannot read network profile " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ChainException("network profile " + file + " lacks the text field '" + field + "'");
        }
        return value.asText();
    }
}
