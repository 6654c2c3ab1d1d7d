package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.sdk.InvalidInputException;
import ai.zerog.compute.sdk.Keystore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The wallet key a command signs with, and where it came from. Resolution order:
 * {@code ZG_PRIVATE_KEY} (scripts, CI) &gt; the saved identity, which is either the encrypted
 * keystore (password from {@code ZG_KEYSTORE_PASSWORD} or a prompt) or a devnet account (used only
 * on chain 31337; elsewhere the keystore, if any, signs). {@link #toString()} shows the address only.
 */
public record CliIdentity(Secp256k1Key key, String source) {
    public static final String PRIVATE_KEY_VARIABLE = "ZG_PRIVATE_KEY";
    public static final String PASSWORD_VARIABLE = "ZG_KEYSTORE_PASSWORD";
    static final String LOGIN_HINT = "Run: 0g-compute-cli login (scripts: set ZG_PRIVATE_KEY, or ZG_KEYSTORE_PASSWORD"
            + " for a saved keystore; a local devnet: 0g-compute-cli devnet up)";

    public Address address() {
        return key.address();
    }

    /** The identity for a command on chain {@code chainId}. */
    public static CliIdentity resolve(CliEnvironment environment, CliConfig config, long chainId, Prompter prompter) {
        var fromVariable = environment.variable(PRIVATE_KEY_VARIABLE);
        if (fromVariable.isPresent()) {
            return new CliIdentity(parseKey(fromVariable.get().strip(), PRIVATE_KEY_VARIABLE), PRIVATE_KEY_VARIABLE);
        }
        CliConfig.Identity active = config.activeIdentity().orElseThrow(() ->
                new CliFailure("Not logged in: no wallet key is saved", LOGIN_HINT));
        if (active == CliConfig.Identity.DEVNET && config.devnetAccount().isPresent()) {
            if (chainId == NetworkProfiles.DEVNET_CHAIN_ID) {
                int index = config.devnetAccount().getAsInt();
                return new CliIdentity(DevnetKeys.account(environment, index), "devnet account #" + index);
            }
            if (config.keystore().isEmpty()) {
                throw new CliFailure("the saved identity is a devnet account, used only on a devnet (chain 31337),"
                        + " but this RPC serves chain " + chainId, LOGIN_HINT);
            }
        }
        Path keystore = config.keystorePath(environment).orElseThrow(() ->
                new CliFailure("Not logged in: no wallet key is saved", LOGIN_HINT));
        return new CliIdentity(unlock(environment, keystore, prompter), "keystore " + keystore);
    }

    /** The key in {@code keystore}, with the password from {@code ZG_KEYSTORE_PASSWORD} or a prompt. */
    static Secp256k1Key unlock(CliEnvironment environment, Path keystore, Prompter prompter) {
        if (!Files.isRegularFile(keystore)) {
            throw new CliFailure("the keystore " + keystore + " is missing", "Run: 0g-compute-cli login --force");
        }
        char[] password = environment.variable(PASSWORD_VARIABLE).map(String::toCharArray).orElseGet(() ->
                prompter.secret("Keystore password:", "Set ZG_KEYSTORE_PASSWORD (or ZG_PRIVATE_KEY) for scripts."));
        try {
            return Keystore.read(keystore, password);
        } catch (InvalidInputException e) {
            throw new CliFailure(e.getMessage(), "Check the password (ZG_KEYSTORE_PASSWORD), or replace the key:"
                    + " 0g-compute-cli login --force");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** A private key typed or passed by a person; the error never repeats the text. */
    static Secp256k1Key parseKey(String text, String what) {
        try {
            return Secp256k1Key.fromHex(text);
        } catch (CoreException | IllegalArgumentException | ArithmeticException e) {
            throw new CliFailure(what + " is not a valid private key: expected 64 hex digits, optionally 0x-prefixed",
                    "Check the key and try again.");
        }
    }

    @Override
    public String toString() {
        return "CliIdentity[" + key.address() + " from " + source + "]";
    }
}
