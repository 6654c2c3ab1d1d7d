package ai.zerog.compute.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code logout}: deletes the saved keystore (after a confirmation, or {@code --yes}); keeps the network. */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Delete the saved wallet key (keeps the network)")
final class LogoutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        CliConfig config = CliConfig.load(environment);
        var out = environment.out();
        if (config.keystore().isEmpty()) {
            out.println("⚠ Not currently logged in");
            return ExitCodes.OK;
        }
        config.address().ifPresent(a -> out.println("Current wallet: " + a.checksummed()));
        if (!yes && !Prompter.of(environment).confirm("Are you sure you want to logout?", false,
                "Run: 0g-compute-cli logout --yes")) {
            out.println("Logout cancelled.");
            return ExitCodes.OK;
        }
        config.keystorePath(environment).ifPresent(SecureFiles::delete);
        config.withoutKeystore().save(environment);
        out.println("✓ Successfully logged out");
        out.println("The encrypted key was deleted; the network setting is kept. Run 0g-compute-cli login to log in again.");
        return ExitCodes.OK;
    }
}
