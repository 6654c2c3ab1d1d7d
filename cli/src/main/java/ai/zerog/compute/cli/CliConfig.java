package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code ~/.0g-compute-cli/config.json}: the default network and the identity. Unlike the
 * official file it never holds a private key, only the path of an encrypted keystore (and its
 * address, so {@code status} needs no password) or, on a devnet, the index of a devnet account.
 * Contract overrides ({@code ledgerCa}, {@code inferenceCa}) apply only on the chain they were
 * saved for ({@code chainId}). Immutable: the {@code with…} methods answer a changed copy.
 */
public record CliConfig(Optional<String> rpcEndpoint, Optional<String> network, OptionalLong chainId,
                        Optional<Address> ledgerCa, Optional<Address> inferenceCa, Optional<String> keystore,
                        Optional<Address> address, OptionalInt devnetAccount, Optional<Identity> identity,
                        Optional<String> lastUpdated) {
    static final String FILE_NAME = "config.json";
    static final String KEYSTORE_FILE_NAME = "keystore.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which saved identity signs: the encrypted keystore, or a devnet account (devnet chains only). */
    public enum Identity { KEYSTORE, DEVNET }

    public CliConfig {
        Objects.requireNonNull(rpcEndpoint, "rpcEndpoint");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(ledgerCa, "ledgerCa");
        Objects.requireNonNull(inferenceCa, "inferenceCa");
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(devnetAccount, "devnetAccount");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
        if (devnetAccount.isPresent() && devnetAccount.getAsInt() < 0) {
            throw new IllegalArgumentException("devnetAccount must be >= 0, got " + devnetAccount.getAsInt());
        }
    }

    public static CliConfig empty() {
        return new CliConfig(Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty());
    }

    /** {@code ~/.0g-compute-cli/config.json} of {@code environment}. */
    public static Path file(CliEnvironment environment) {
        return environment.configDir().resolve(FILE_NAME);
    }

    /** Where {@code login} writes the encrypted key: {@code ~/.0g-compute-cli/keystore.json}. */
    public static Path defaultKeystore(CliEnvironment environment) {
        return environment.configDir().resolve(KEYSTORE_FILE_NAME);
    }

    /** The saved config; a missing file is the empty config, a broken one a {@link CliFailure} naming the file. */
    public static CliConfig load(CliEnvironment environment) {
        Path file = file(environment);
        return SecureFiles.readIfExists(file).map(text -> parse(text, file)).orElseGet(CliConfig::empty);
    }

    /** Writes the config (directory 700, file 600), stamping {@code lastUpdated}. */
    public void save(CliEnvironment environment) {
        SecureFiles.writePrivate(file(environment), toJson(Instant.now().toString()));
    }

    // ---- changes ----

    /**
     * The default network: {@code mainnet}, {@code testnet}, {@code devnet} or {@code custom} at {@code rpc}.
     * Keeps the keystore (unlike the official CLI) and the contract overrides (they apply only on their chain).
     */
    public CliConfig withNetwork(String networkName, String rpc) {
        return new CliConfig(Optional.of(rpc), Optional.of(networkName), chainId, ledgerCa, inferenceCa, keystore,
                address, devnetAccount, identityFor(networkName), lastUpdated);
    }

    /** Contract overrides remembered for chain {@code forChainId}. */
    public CliConfig withContracts(long forChainId, Address ledger, Address inference) {
        return new CliConfig(rpcEndpoint, network, OptionalLong.of(forChainId), Optional.of(ledger),
                Optional.of(inference), keystore, address, devnetAccount, identity, lastUpdated);
    }

    /** What {@code devnet up} saves: the devnet's RPC and contracts, and devnet account {@code accountIndex} as identity. */
    public CliConfig withDevnet(String rpc, Address ledger, Address inference, int accountIndex) {
        return new CliConfig(Optional.of(rpc), Optional.of("devnet"), OptionalLong.of(NetworkProfiles.DEVNET_CHAIN_ID),
                Optional.of(ledger), Optional.of(inference), keystore, address, OptionalInt.of(accountIndex),
                Optional.of(Identity.DEVNET), lastUpdated);
    }

    /** After {@code login}: the keystore at {@code keystorePath} for {@code owner} signs from now on. */
    public CliConfig withKeystore(Path keystorePath, Address owner) {
        return new CliConfig(rpcEndpoint, network, chainId, ledgerCa, inferenceCa,
                Optional.of(keystorePath.toString()), Optional.of(owner), devnetAccount, Optional.of(Identity.KEYSTORE),
                lastUpdated);
    }

    /** After {@code logout}: no keystore; a devnet account, if any, stays usable on the devnet. */
    public CliConfig withoutKeystore() {
        return new CliConfig(rpcEndpoint, network, chainId, ledgerCa, inferenceCa, Optional.empty(), Optional.empty(),
                devnetAccount, devnetAccount.isPresent() ? Optional.of(Identity.DEVNET) : Optional.empty(), lastUpdated);
    }

    /** The keystore path, resolved against the config folder when relative. */
    public Optional<Path> keystorePath(CliEnvironment environment) {
        return keystore.map(path -> environment.configDir().resolve(path));
    }

    /** The identity that signs: the saved choice, else whichever one exists (keystore first). */
    public Optional<Identity> activeIdentity() {
        if (identity.isPresent()) {
            return identity;
        }
        if (keystore.isPresent()) {
            return Optional.of(Identity.KEYSTORE);
        }
        return devnetAccount.isPresent() ? Optional.of(Identity.DEVNET) : Optional.empty();
    }

    /** On the devnet its account signs (when there is one); elsewhere the keystore (when there is one). */
    private Optional<Identity> identityFor(String networkName) {
        if (networkName.equals("devnet") && devnetAccount.isPresent()) {
            return Optional.of(Identity.DEVNET);
        }
        if (!networkName.equals("devnet") && keystore.isPresent()) {
            return Optional.of(Identity.KEYSTORE);
        }
        return identity;
    }

    // ---- JSON ----

    private static CliConfig parse(String text, Path file) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return new CliConfig(text(node, "rpcEndpoint"), text(node, "network"),
                    node.path("chainId").canConvertToLong() ? OptionalLong.of(node.get("chainId").asLong())
                            : OptionalLong.empty(),
                    text(node, "ledgerCa").map(Address::of), text(node, "inferenceCa").map(Address::of),
                    text(node, "keystore"), text(node, "address").map(Address::of),
                    node.path("devnetAccount").isInt() ? OptionalInt.of(node.get("devnetAccount").asInt())
                            : OptionalInt.empty(),
                    text(node, "identity").map(value -> Identity.valueOf(value.toUpperCase(java.util.Locale.ROOT))),
                    text(node, "lastUpdated"));
        } catch (IOException | RuntimeException e) {
            throw new CliFailure("the config file " + file + " is not valid (" + e.getMessage() + ")",
                    "Fix or delete it, then run: 0g-compute-cli setup-network");
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText())
                : Optional.empty();
    }

    String toJson(String updated) {
        ObjectNode node = JSON.createObjectNode();
        rpcEndpoint.ifPresent(v -> node.put("rpcEndpoint", v));
        network.ifPresent(v -> node.put("network", v));
        chainId.ifPresent(v -> node.put("chainId", v));
        ledgerCa.ifPresent(v -> node.put("ledgerCa", v.checksummed()));
        inferenceCa.ifPresent(v -> node.put("inferenceCa", v.checksummed()));
        keystore.ifPresent(v -> node.put("keystore", v));
        address.ifPresent(v -> node.put("address", v.checksummed()));
        devnetAccount.ifPresent(v -> node.put("devnetAccount", v));
        identity.ifPresent(v -> node.put("identity", v.name().toLowerCase(java.util.Locale.ROOT)));
        node.put("lastUpdated", updated);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the config", e);
        }
    }
}
