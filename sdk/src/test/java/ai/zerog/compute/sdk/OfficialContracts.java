package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.DeploymentPlan;
import ai.zerog.compute.devnet.NodeTools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The official LedgerManager and InferenceServing creation bytecode, taken at test time from the
 * typechain factories in the published npm package {@code @0gfoundation/0g-compute-ts-sdk@0.9.0}
 * (fetched with {@code npm pack} into the node tools cache; nothing of it is committed). The
 * chain module has the same helper in its tests, which this module cannot see.
 */
final class OfficialContracts {
    static final String PACKAGE = "@0gfoundation/0g-compute-ts-sdk@0.9.0";

    private static DeploymentPlan plan;

    private OfficialContracts() {}

    static synchronized DeploymentPlan plan() {
        if (plan == null) {
            plan = extract();
        }
        return plan;
    }

    private static DeploymentPlan extract() {
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
            JsonNode root = new ObjectMapper().readTree(json);
            return DeploymentPlan.of("official", bytecode(root.get("ledger")), bytecode(root.get("inference")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the official contracts from " + PACKAGE, e);
        }
    }

    private static byte[] bytecode(JsonNode artifact) {
        String hex = artifact.get("bytecode").asText();
        return HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
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
