package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code status}: which wallet commands sign with, without unlocking it or touching the network. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the wallet commands sign with")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    private record Status(boolean loggedIn, String source, Optional<Address> address, String problem) {
    }

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        Status status = status(environment, CliConfig.load(environment));
        var out = environment.out();
        if (json.enabled()) {
            ObjectNode node = JsonOption.object().put("loggedIn", status.loggedIn()).put("source", status.source());
            status.address().ifPresent(a -> node.put("address", a.checksummed()));
            if (!status.problem().isEmpty()) {
                node.put("problem", status.problem());
            }
            out.print(JsonOption.render(node));
            return ExitCodes.OK;
        }
        out.println("👤 Login Status");
        if (!status.problem().isEmpty()) {
            out.println("✗ " + status.problem());
            out.println("Use \"0g-compute-cli login --force\" to save the key again");
        } else if (!status.loggedIn()) {
            out.println("⚠ Not logged in");
            out.println("Use \"0g-compute-cli login\" to authenticate");
        } else {
            out.println("✓ Logged in (" + status.source() + ")");
            status.address().ifPresent(a -> out.println("Wallet address: " + a.checksummed()));
        }
        return ExitCodes.OK;
    }

    private static Status status(CliEnvironment environment, CliConfig config) {
        Optional<String> variable = environment.variable(CliIdentity.PRIVATE_KEY_VARIABLE);
        if (variable.isPresent()) {
            try {
                return new Status(true, CliIdentity.PRIVATE_KEY_VARIABLE,
                        Optional.of(CliIdentity.parseKey(variable.get().strip(), "ZG_PRIVATE_KEY").address()), "");
            } catch (CliFailure e) {
                return new Status(false, CliIdentity.PRIVATE_KEY_VARIABLE, Optional.empty(), e.getMessage());
            }
        }
        Optional<CliConfig.Identity> active = config.activeIdentity();
        if (active.isEmpty()) {
            return new Status(false, "none", Optional.empty(), "");
        }
        if (active.get() == CliConfig.Identity.DEVNET && config.devnetAccount().isPresent()) {
            int index = config.devnetAccount().getAsInt();
            return new Status(true, "devnet account #" + index + ", used on the devnet only",
                    Optional.of(DevnetKeys.account(environment, index).address()), "");
        }
        Optional<Path> keystore = config.keystorePath(environment);
        if (keystore.isEmpty() || !Files.isRegularFile(keystore.get())) {
            return new Status(false, "keystore", config.address(), "Keystore file missing: " + keystore.map(Path::toString).orElse("?"));
        }
        return new Status(true, "encrypted keystore " + keystore.get(), config.address(), "");
    }
}
