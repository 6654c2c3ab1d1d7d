package ai.zerog.compute.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * A compiled contract: its ABI JSON and creation bytecode. Ours come from the committed
 * artifacts of the {@code contracts} module; others (the official ones, in tests) are built
 * with {@link #of}.
 */
public record ContractArtifact(String name, String abiJson, String creationCodeHex) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCE_DIR = "/ai/zerog/compute/contracts/";

    public static final String LEDGER_MANAGER = "LedgerManager";
    public static final String INFERENCE_SERVING = "InferenceServing";
    public static final String UPGRADEABLE_BEACON = "UpgradeableBeacon";
    public static final String BEACON_PROXY = "BeaconProxy";

    public static ContractArtifact of(String name, String abiJson, String creationCodeHex) {
        return new ContractArtifact(name, abiJson, creationCodeHex);
    }

    /** One of our committed artifacts by contract name, e.g. {@link #LEDGER_MANAGER}. */
    public static ContractArtifact ours(String name) {
        String resource = RESOURCE_DIR + name + ".json";
        try (InputStream in = ContractArtifact.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ChainException("contract artifact " + resource + " is not on the classpath");
            }
            JsonNode node = JSON.readTree(in);
            return new ContractArtifact(name, JSON.writeValueAsString(node.get("abi")),
                    node.get("bytecode").asText());
        } catch (IOException e) {
            throw new ChainException("cannot read contract artifact " + resource, e);
        }
    }

    public byte[] creationCode() {
        return Hex.decode(creationCodeHex);
    }
}
