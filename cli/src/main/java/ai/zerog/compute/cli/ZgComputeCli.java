package ai.zerog.compute.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code 0g-compute-cli}: the official command tree (account, inference, network, identity)
 * plus {@code devnet}, {@code provider} and {@code ui}. Commands reach the streams, variables
 * and home folder only through the {@link CliEnvironment} the run was started with.
 */
@Command(name = "0g-compute-cli", description = "CLI for interacting with ZG Compute Network",
        mixinStandardHelpOptions = true, versionProvider = CliVersion.class)
public final class ZgComputeCli implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    private ZgComputeCli(CliEnvironment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        // web3j's HTTP stack logs through SLF4J; without a binding it would warn on every run
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(run(CliEnvironment.system(), args));
    }

    /** Runs one command line and answers its exit code; never calls {@code System.exit}. */
    public static int run(CliEnvironment environment, String... args) {
        return commandLine(environment, List.of(args)).execute(args);
    }

    /** The root with the branch of the tree {@code args} needs ({@link CommandTree}). */
    static CommandLine commandLine(CliEnvironment environment, List<String> args) {
        CommandLine root = new CommandLine(new ZgComputeCli(environment));
        CommandTree.register(root, args);
        root.setOut(new PrintWriter(environment.out(), true));
        root.setErr(new PrintWriter(environment.err(), true));
        root.setExecutionExceptionHandler(new FailurePrinter(environment));
        root.setParameterExceptionHandler(new UsageErrorPrinter());
        return root;
    }

    /** The environment of the run {@code spec} belongs to. */
    public static CliEnvironment environment(CommandSpec spec) {
        return ((ZgComputeCli) spec.root().userObject()).environment;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.FAILURE;
    }
}
