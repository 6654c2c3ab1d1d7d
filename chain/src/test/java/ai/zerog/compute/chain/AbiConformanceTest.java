package ai.zerog.compute.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Our ABI equals the official one fragment by fragment: every function (inputs, outputs, tuple
 * component names and order, mutability), event (indexed flags) and custom error. Only the
 * constructor differs on purpose (our LedgerManager takes the network minimums).
 */
class AbiConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldMatchTheOfficialLedgerManagerAbi() throws IOException {
        assertThat(fragments(ContractArtifact.ours(ContractArtifact.LEDGER_MANAGER)))
                .isEqualTo(fragments(OfficialContracts.load().ledger))
                .hasSizeGreaterThan(60);
    }

    @Test
    void shouldMatchTheOfficialInferenceServingAbi() throws IOException {
        assertThat(fragments(ContractArtifact.ours(ContractArtifact.INFERENCE_SERVING)))
                .isEqualTo(fragments(OfficialContracts.load().inference))
                .hasSizeGreaterThan(70);
    }

    /** Each fragment as canonical JSON without compiler-specific {@code internalType} names. */
    private static Set<String> fragments(ContractArtifact artifact) throws IOException {
        Set<String> out = new TreeSet<>();
        for (JsonNode fragment : JSON.readTree(artifact.abiJson())) {
            if (fragment.path("type").asText().equals("constructor")) {
                continue;
            }
            out.add(JSON.writeValueAsString(canonical(fragment)));
        }
        return out;
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = JSON.createArrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = JSON.createObjectNode();
            fieldNames(node).forEach(field -> {
                if (!field.equals("internalType")) {
                    object.set(field, canonical(node.get(field)));
                }
            });
            return object;
        }
        return node;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
