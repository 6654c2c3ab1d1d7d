package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;

/** The wallet has no ledger on this network yet. Create one with at least the network minimum. */
public final class LedgerNotFoundException extends SdkException {
    private final Address user;

    public LedgerNotFoundException(Address user) {
        this(user, null);
    }

    public LedgerNotFoundException(Address user, Throwable cause) {
        super("no ledger yet for " + user.checksummed() + ": create one with `0g-compute-cli add-account --amount 3`"
                + " (SDK: ledger().addLedger(new BigDecimal(\"3\")); the minimum is 3 0G on mainnet, 0.1 0G on testnet)",
                cause);
        this.user = user;
    }

    public Address user() {
        return user;
    }
}
