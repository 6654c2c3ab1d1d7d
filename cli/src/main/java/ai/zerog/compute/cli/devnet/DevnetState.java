package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.core.Secp256k1Key;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A devnet's {@code devnet.json} (mode 600): its {@link DevnetSummary}, the mnemonic its accounts
 * come from, and its data folder. {@code devnet up} writes it into the data folder and, as the
 * CLI's active devnet, to {@code ~/.0g-compute-cli/devnet/devnet.json}; the CLI signs as a
 * devnet account with {@link #key(int)}.
 */
public record DevnetState(DevnetSummary summary, String mnemonic, Path dataDir) {
    static final String FILE_NAME = "devnet.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The state in {@code dataDir}, if a devnet was ever started there. */
    public static Optional<DevnetState> read(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        // the default folder's file may be the active record of a devnet kept elsewhere
        return readFile(dir.resolve(FILE_NAME)).filter(state -> state.dataDir().equals(dir));
    }

    /** The devnet {@code devnet up} last made the CLI's active network ({@code ~/.0g-compute-cli/devnet/devnet.json}). */
    public static Optional<DevnetState> active(CliEnvironment environment) {
        return readFile(activeFile(environment));
    }

    static Path activeFile(CliEnvironment environment) {
        return DevnetFiles.defaultDataDir(environment).resolve(FILE_NAME);
    }

    /** The private key of devnet account {@code accountIndex} (the dev wallet is {@link DevnetAccounts#USER}). */
    public Secp256k1Key key(int accountIndex) {
        return accounts().key(accountIndex);
    }

    public DevnetAccounts accounts() {
        return DevnetAccounts.of(mnemonic);
    }

    void writeTo(Path file) {
        ObjectNode json = summary.toJson();
        json.put("mnemonic", mnemonic);
        json.put("dataDir", dataDir.toString());
        try {
            PrivateFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<DevnetState> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new CliFailure("cannot read the devnet state " + file + ": " + e.getMessage(),
                    "Start it again with '0g-compute-cli devnet up', or clear it with '0g-compute-cli devnet reset'");
        }
        return Optional.of(new DevnetState(DevnetSummary.fromJson(json), json.path("mnemonic").asText(),
                Path.of(json.path("dataDir").asText(file.getParent().toString())).toAbsolutePath().normalize()));
    }

    @Override
    public String toString() {
        return "DevnetState[" + summary + ", dataDir=" + dataDir + ", mnemonic=<hidden>]";
    }
}
