package ai.zerog.compute.cli;

import ai.zerog.compute.cli.devnet.DevnetAccounts;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.devnet.AnvilOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Devnet accounts: key {@code i} of a BIP-39 mnemonic on the Ethereum path m/44'/60'/0'/0/i, as
 * anvil derives its accounts. The devnet's mnemonic is in {@code ~/.0g-compute-cli/devnet/devnet.json}
 * (field {@code mnemonic}); without that file it is anvil's well-known default. These keys are
 * public knowledge: the CLI uses them only on chain 31337.
 */
public final class DevnetKeys {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DevnetKeys() {
    }

    /** Key {@code index} of {@code mnemonic} (no passphrase), derived by {@link DevnetAccounts}. */
    public static Secp256k1Key derive(String mnemonic, int index) {
        return DevnetAccounts.of(mnemonic).key(index);
    }

    /** {@code ~/.0g-compute-cli/devnet/devnet.json}, written by {@code devnet up}. */
    public static Path stateFile(CliEnvironment environment) {
        return environment.configDir().resolve("devnet").resolve("devnet.json");
    }

    /** The mnemonic of the devnet {@code devnet up} started, else anvil's default one. */
    public static String mnemonic(CliEnvironment environment) {
        return savedText(environment, "mnemonic").orElse(AnvilOptions.DEFAULT_MNEMONIC);
    }

    /** The RPC URL saved by {@code devnet up} (field {@code rpc}), if any. */
    public static Optional<String> savedRpc(CliEnvironment environment) {
        return savedText(environment, "rpc");
    }

    private static Optional<String> savedText(CliEnvironment environment, String field) {
        Path file = stateFile(environment);
        return SecureFiles.readIfExists(file).flatMap(text -> {
            try {
                JsonNode value = JSON.readTree(text).path(field);
                return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
            } catch (IOException e) {
                throw new CliFailure("the devnet state " + file + " is not valid JSON (" + e.getMessage() + ")",
                        "Run: 0g-compute-cli devnet reset");
            }
        });
    }

    /** Devnet account {@code index} of the devnet in {@code environment}. */
    public static Secp256k1Key account(CliEnvironment environment, int index) {
        return derive(mnemonic(environment), index);
    }
}
