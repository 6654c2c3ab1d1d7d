package ai.zerog.compute.cli;

import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.sdk.Keystore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code login}: saves the wallet key, encrypted, as a V3 keystore ({@code ~/.0g-compute-cli/keystore.json},
 * mode 600, scrypt). The key is typed hidden (or comes from {@code ZG_PRIVATE_KEY}); the password is
 * typed twice (or comes from {@code ZG_KEYSTORE_PASSWORD}). Without a terminal the answers are read
 * from stdin in that order, without the address confirmation. The key is never printed.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Save your wallet key, encrypted with a password (ZG_PRIVATE_KEY + ZG_KEYSTORE_PASSWORD for scripts)")
final class LoginCommand implements Callable<Integer> {
    private static final String NO_TERMINAL = "For scripts set ZG_PRIVATE_KEY and ZG_KEYSTORE_PASSWORD, then run"
            + " 0g-compute-cli login (or just set ZG_PRIVATE_KEY for each command).";

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--force"}, description = "Replace the key that is already saved")
    boolean force;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        PrintStream out = environment.out();
        CliConfig config = CliConfig.load(environment);
        out.println("Login - Private Key Configuration");
        out.println("Your key is stored encrypted with your password (Ethereum V3 keystore, readable only by you).");
        Optional<Path> saved = config.keystorePath(environment).filter(Files::isRegularFile);
        if (saved.isPresent() && config.address().isPresent() && !force) {
            out.println("⚠ Already logged in");
            out.println("Current wallet address: " + config.address().get().checksummed());
            out.println("Use \"0g-compute-cli login --force\" to replace it.");
            return ExitCodes.OK;
        }
        Prompter prompter = Prompter.of(environment);
        boolean fromVariable = environment.variable(CliIdentity.PRIVATE_KEY_VARIABLE).isPresent();
        Secp256k1Key key = fromVariable
                ? CliIdentity.parseKey(environment.variable(CliIdentity.PRIVATE_KEY_VARIABLE).get().strip(),
                CliIdentity.PRIVATE_KEY_VARIABLE)
                : askKey(prompter, environment);
        out.println("Wallet address: " + key.address().checksummed());
        if (!fromVariable && prompter.available()
                && !prompter.confirm("Login with this wallet address?", true, NO_TERMINAL)) {
            out.println("Login cancelled.");
            return ExitCodes.OK;
        }
        char[] password = password(environment, prompter);
        Path keystore = CliConfig.defaultKeystore(environment);
        try {
            SecureFiles.ensurePrivateDir(environment.configDir());
            environment.err().println("Encrypting the key (scrypt, about a second)...");
            Keystore.write(key, password, keystore, Keystore.Strength.STANDARD);
        } finally {
            Arrays.fill(password, '\0');
        }
        CliConfig.load(environment).withKeystore(keystore, key.address()).save(environment);
        out.println("✓ Successfully logged in");
        out.println("Wallet address: " + key.address().checksummed());
        out.println("ℹ Key saved encrypted to " + keystore);
        out.println("ℹ Settings saved to " + CliConfig.file(environment));
        return ExitCodes.OK;
    }

    private static Secp256k1Key askKey(Prompter prompter, CliEnvironment environment) {
        for (int attempt = 1; ; attempt++) {
            char[] typed = prompter.secret("Enter your wallet private key:", NO_TERMINAL);
            try {
                return CliIdentity.parseKey(new String(typed).strip(), "the key");
            } catch (CliFailure e) {
                if (attempt == 3) {
                    throw new CliFailure("Invalid private key format: expected 64 hex characters",
                            "Run 0g-compute-cli login again with the key from your wallet.");
                }
                environment.err().println("Invalid private key format. Please enter a valid 64-character hex string.");
            } finally {
                Arrays.fill(typed, '\0');
            }
        }
    }

    private static char[] password(CliEnvironment environment, Prompter prompter) {
        Optional<String> fromVariable = environment.variable(CliIdentity.PASSWORD_VARIABLE);
        if (fromVariable.isPresent()) {
            return fromVariable.get().toCharArray();
        }
        char[] first = prompter.secret("Choose a password to encrypt the key:", NO_TERMINAL);
        char[] second = prompter.secret("Repeat the password:", NO_TERMINAL);
        try {
            if (first.length == 0) {
                throw new CliFailure("the password must not be empty", "Run 0g-compute-cli login again.");
            }
            if (!Arrays.equals(first, second)) {
                throw new CliFailure("the passwords do not match", "Run 0g-compute-cli login again.");
            }
            return first.clone();
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(second, '\0');
        }
    }
}
