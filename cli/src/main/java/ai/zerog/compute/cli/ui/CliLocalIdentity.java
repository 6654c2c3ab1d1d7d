package ai.zerog.compute.cli.ui;

import ai.zerog.compute.cli.CliBrokers;
import ai.zerog.compute.cli.CliConfig;
import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.cli.NetworkOptions;
import ai.zerog.compute.web.LocalIdentity;
import ai.zerog.compute.web.WebUiException;
import java.util.Optional;

/**
 * The CLI's identity as the web UI's local identity: described from the saved config (no password
 * asked at start), opened with {@link CliBrokers} when the page connects it. A keystore password,
 * if needed, is asked on this terminal (or read from {@code ZG_KEYSTORE_PASSWORD}).
 */
public final class CliLocalIdentity {
    static final String NO_IDENTITY = "No local identity is set up. Run `0g-compute-cli login` (or"
            + " `0g-compute-cli devnet up` for a local devnet, or set ZG_PRIVATE_KEY) and restart the UI,"
            + " or connect a browser wallet instead.";

    private CliLocalIdentity() {
    }

    public static LocalIdentity of(CliEnvironment environment, NetworkOptions options) {
        Optional<String> description = describe(environment);
        if (description.isEmpty()) {
            return LocalIdentity.none(NO_IDENTITY);
        }
        return LocalIdentity.of(description.get(), () -> {
            try {
                return CliBrokers.open(environment, options);
            } catch (CliFailure e) {
                throw new WebUiException(e.getMessage() + ". " + e.nextStep());
            }
        });
    }

    /** Where the key will come from, as {@code 0g-compute-cli status} would say; empty when there is none. */
    static Optional<String> describe(CliEnvironment environment) {
        if (environment.variable("ZG_PRIVATE_KEY").isPresent()) {
            return Optional.of("the key in ZG_PRIVATE_KEY");
        }
        CliConfig config = CliConfig.load(environment);
        return config.activeIdentity().map(identity -> switch (identity) {
            case DEVNET -> "devnet account #" + config.devnetAccount().orElse(1);
            case KEYSTORE -> "keystore " + config.keystorePath(environment).map(Object::toString).orElse("");
        });
    }
}
