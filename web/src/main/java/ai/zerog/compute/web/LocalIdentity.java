package ai.zerog.compute.web;

import ai.zerog.compute.sdk.ZgComputeBroker;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The CLI's logged-in wallet, opened in this process when the page asks to connect it. Its key
 * never leaves the server; the page only sees the address.
 */
public interface LocalIdentity {

    /** For people, e.g. {@code devnet account 1} or {@code keystore ~/.0g-compute-cli/keystore.json}. */
    String description();

    /** Opens a broker for the identity on the UI's network; failures say how to fix the identity. */
    ZgComputeBroker open();

    /** An identity opened by {@code opener} when first connected. */
    static LocalIdentity of(String description, Supplier<ZgComputeBroker> opener) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(opener, "opener");
        return new LocalIdentity() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public ZgComputeBroker open() {
                return opener.get();
            }
        };
    }

    /** No local identity: connecting explains {@code why} (e.g. how to log in); browser wallets still work. */
    static LocalIdentity none(String why) {
        Objects.requireNonNull(why, "why");
        return new LocalIdentity() {
            @Override
            public String description() {
                return "none";
            }

            @Override
            public ZgComputeBroker open() {
                throw new WebUiException(why);
            }
        };
    }
}
