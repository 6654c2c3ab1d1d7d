package ai.zerog.compute.chain;

import ai.zerog.compute.devnet.NodeTools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The official LedgerManager and InferenceServing ABI and creation bytecode, taken at test time
 * from the typechain factories inside the published npm package
 * {@code @0gfoundation/0g-compute-ts-sdk@0.9.0} (fetched with {@code npm pack} into the node
 * tools cache; nothing of it is committed). Public in the chain test-jar so the SDK's tests
 * can deploy the official contracts too.
 */
public final class OfficialContracts {
    static final String PACKAGE = "@0gfoundation/0g-compute-ts-sdk@0.9.0";

    final ContractArtifact ledger;
    final ContractArtifact inference;

    private static OfficialContracts instance;

    private OfficialContracts(ContractArtifact ledger, ContractArtifact inference) {
        this.ledger = ledger;
        this.inference = inference;
    }

    public static synchronized OfficialContracts load() {
        if (instance == null) {
            instance = extract();
        }
        return instance;
    }

    /** The official implementations as a deployment plan, for {@link Deployer#deploy}. */
    public DeploymentPlan plan() {
        return DeploymentPlan.of("official", ledger.creationCode(), inference.creationCode());
    }

    private static OfficialContracts extract() {
        NodeTools tools = NodeTools.installed();
        Path dir = tools.directory().resolve("official-sdk-0.9.0");
        Path unpacked = dir.resolve("package");
        try {
            if (!Files.isRegularFile(unpacked.resolve("package.json"))) {
                Files.createDirectories(dir);
                run(dir, "npm", "pack", PACKAGE, "--silent", "--pack-destination", dir.toString());
                try (var files = Files.list(dir)) {
                    Path tarball = files.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                            .orElseThrow(() -> new IllegalStateException("npm pack produced no tarball in " + dir));
                    run(dir, "tar", "xzf", tarball.toString());
                }
            }
            Path script = Files.createTempFile("extract-official", ".cjs");
            try (InputStream in = OfficialContracts.class.getResourceAsStream("extract-official-artifacts.cjs")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            String json = tools.runNode(script, List.of(unpacked.toString()), Duration.ofMinutes(1))
                    .requireSuccess("extracting the official contract artifacts").stdout();
            Files.deleteIfExists(script);
            ObjectMapper mapper = new ObjectMapper();
            JsonNode root = mapper.readTree(json);
            return new OfficialContracts(artifact(mapper, root.get("ledger"), "LedgerManager (official)"),
                    artifact(mapper, root.get("inference"), "InferenceServing (official)"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the official contracts from " + PACKAGE, e);
        }
    }

    private static ContractArtifact artifact(ObjectMapper mapper, JsonNode node, String name) throws IOException {
        return ContractArtifact.of(name, mapper.writeValueAsString(node.get("abi")), node.get("bytecode").asText());
    }

    private static void run(Path dir, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("fetch.log").toFile()).start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("fetch.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }
}
