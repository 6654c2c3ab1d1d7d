package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.cli.ExitCodes;
import ai.zerog.compute.cli.ZgComputeCli;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code devnet status}: the saved devnet's RPC, contracts, providers and dev wallet, and whether it runs. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the devnet: RPC, contracts, providers, the dev wallet, and whether it is running")
public final class DevnetStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--json", description = "Print JSON for scripts")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        DevnetFiles files = data.files(environment);
        DevnetState state = DevnetState.read(files.dataDir()).orElseThrow(() -> new CliFailure(
                "no devnet in " + files.dataDir(), "Start one with: 0g-compute-cli devnet up"));
        Optional<RunRecord> running = RunRecord.running(files.runFile());
        if (json) {
            ObjectNode node = state.summary().toJson();
            node.put("running", running.isPresent());
            running.ifPresent(record -> node.put("pid", record.pid()));
            node.put("dataDir", files.dataDir().toString());
            environment.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(node));
            return ExitCodes.OK;
        }
        environment.out().println(running.map(record -> "✓ Devnet is running (pid " + record.pid() + ")")
                .orElse("⚠ Devnet is stopped (start it with: 0g-compute-cli devnet up)"));
        SummaryPrinter.print(environment.out(), state.summary(), files.dataDir(), state.accounts().isDefault());
        return ExitCodes.OK;
    }
}
