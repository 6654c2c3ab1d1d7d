package ai.zerog.compute.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/**
 * {@code --json} on read commands: one JSON document on stdout for scripts instead of tables
 * (progress and warnings stay on stderr). Amounts are exact 0G decimal strings, addresses checksummed.
 */
public final class JsonOption {
    @Option(names = "--json", description = "Print JSON for scripts instead of tables")
    boolean json;

    public boolean enabled() {
        return json;
    }

    public static com.fasterxml.jackson.databind.node.ArrayNode array() {
        return CliJson.MAPPER.createArrayNode();
    }

    public static ObjectNode object() {
        return CliJson.MAPPER.createObjectNode();
    }

    /** Pretty JSON text of {@code value} with a final newline. */
    public static String render(Object value) {
        try {
            return CliJson.MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
