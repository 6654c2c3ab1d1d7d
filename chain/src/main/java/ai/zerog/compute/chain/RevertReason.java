package ai.zerog.compute.chain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A decoded revert: a custom error with its named arguments, a Solidity {@code Error(string)}
 * (name {@code Error}, argument {@code message}), a {@code Panic(uint256)}, or, when the data
 * matches nothing we know, {@code UnknownError} with the raw data.
 */
public record RevertReason(String name, Map<String, Object> arguments) {
    public RevertReason {
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    public static RevertReason of(String name) {
        return new RevertReason(name, Map.of());
    }

    @Override
    public String toString() {
        return arguments.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", name + "(", ")"));
    }
}
