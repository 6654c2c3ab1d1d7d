package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;

/**
 * The sub-account with one provider holds less usable money (balance minus pending refunds)
 * than a request needs, or none at all. Transfer money from the ledger to that provider.
 */
public final class InsufficientSubAccountBalanceException extends SdkException {
    private final Address provider;
    private final BigInteger locked;
    private final BigInteger required;

    public InsufficientSubAccountBalanceException(Address provider, BigInteger locked, BigInteger required) {
        this(provider, locked, required, null);
    }

    public InsufficientSubAccountBalanceException(Address provider, BigInteger locked, BigInteger required,
                                                  Throwable cause) {
        super(message(provider, locked, required), cause);
        this.provider = provider;
        this.locked = locked;
        this.required = required;
    }

    public Address provider() {
        return provider;
    }

    /** Neuron usable in the sub-account (balance minus pending refunds). */
    public BigInteger locked() {
        return locked;
    }

    /** Neuron the request needed. */
    public BigInteger required() {
        return required;
    }

    private static String message(Address provider, BigInteger locked, BigInteger required) {
        String p = provider.checksummed();
        String state = locked.signum() == 0
                ? "the sub-account with provider " + p + " has no usable funds"
                : "the sub-account with provider " + p + " holds " + Units.formatOg(locked) + " 0G usable";
        return state + " but " + Units.formatOg(required) + " 0G is needed: transfer funds with"
                + " `0g-compute-cli transfer-fund --provider " + p + " --amount 1` (SDK: ledger().transferFund(provider,"
                + " BigDecimal.ONE)); if the ledger is short, `0g-compute-cli deposit --amount 10` first;"
                + " check balances with `0g-compute-cli get-account`";
    }
}
