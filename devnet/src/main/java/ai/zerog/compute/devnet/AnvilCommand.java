package ai.zerog.compute.devnet;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The anvil command line for a set of options. */
final class AnvilCommand {

    private AnvilCommand() {
    }

    static List<String> of(Path binary, AnvilOptions options) {
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--host", options.host(),
                "--port", Integer.toString(options.port()),
                "--chain-id", Long.toString(options.chainId()),
                "--accounts", Integer.toString(options.accounts()),
                "--balance", Long.toString(options.balance()),
                "--mnemonic", options.mnemonic()));
        options.blockTime().ifPresent(interval -> {
            command.add("--block-time");
            command.add(BigDecimal.valueOf(interval.toMillis(), 3).stripTrailingZeros().toPlainString());
        });
        // --state loads the file if it exists and dumps the chain to it when anvil exits on SIGTERM/SIGINT.
        options.stateFile().ifPresent(file -> {
            command.add("--state");
            command.add(file.toAbsolutePath().toString());
        });
        command.addAll(options.extraArgs());
        return List.copyOf(command);
    }
}
