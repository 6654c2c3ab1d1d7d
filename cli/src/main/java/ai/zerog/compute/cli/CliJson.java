package ai.zerog.compute.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The CLI's one JSON mapper, in its own class so Jackson loads only when a command reads or
 * prints JSON ({@code --help} and most table output never do; start-up time counts).
 */
final class CliJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CliJson() {
    }
}
