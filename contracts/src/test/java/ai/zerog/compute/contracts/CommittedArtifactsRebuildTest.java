package ai.zerog.compute.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.devnet.NodeTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed ABI and bytecode must be exactly what the pinned solc-js makes of the committed
 * sources: a change to either that is not rebuilt and committed fails here.
 */
class CommittedArtifactsRebuildTest {
    private static final Path COMMITTED = Path.of("src/main/resources/ai/zerog/compute/contracts");

    @Test
    void shouldRebuildTheCommittedArtifactsByteForByte(@TempDir Path out) throws IOException {
        NodeTools tools = NodeTools.installed();

        tools.runNode(Path.of("compile.mjs"),
                        List.of("--node-modules", tools.nodeModules().toString(), "--out", out.toString()),
                        Duration.ofMinutes(5))
                .requireSuccess("compiling the contracts with solc-js");

        assertThat(fileNames(out)).isEqualTo(fileNames(COMMITTED)).isNotEmpty();
        for (String name : fileNames(COMMITTED)) {
            assertThat(Files.readAllBytes(out.resolve(name)))
                    .as("rebuilt %s differs from the committed one: run `node contracts/compile.mjs` and commit", name)
                    .isEqualTo(Files.readAllBytes(COMMITTED.resolve(name)));
        }
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }
}
