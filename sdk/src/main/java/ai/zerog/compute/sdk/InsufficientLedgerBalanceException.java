package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Units;
import java.math.BigInteger;

/**
 * The ledger's available balance (money not yet in any provider sub-account) is smaller than
 * an operation needs. Deposit the difference, or retrieve money from providers, and retry.
 */
public final class InsufficientLedgerBalanceException extends SdkException {
    private final BigInteger available;
    private final BigInteger required;

    /** {@code operation} names what needed the money, e.g. "transferring 2 0G to provider 0x..". */
    public InsufficientLedgerBalanceException(String operation, BigInteger available, BigInteger required) {
        this(operation, available, required, depositHint(available, required), null);
    }

    /** As above with the chain failure that reported it. */
    public InsufficientLedgerBalanceException(String operation, BigInteger available, BigInteger required,
                                              Throwable cause) {
        this(operation, available, required, depositHint(available, required), cause);
    }

    /** As above with a specific {@code whatNext} instead of the default "deposit" advice. */
    public InsufficientLedgerBalanceException(String operation, BigInteger available, BigInteger required,
                                              String whatNext) {
        this(operation, available, required, whatNext, null);
    }

    private InsufficientLedgerBalanceException(String operation, BigInteger available, BigInteger required,
                                               String whatNext, Throwable cause) {
        super(operation + " needs " + Units.formatOg(required) + " 0G from the ledger but it has only "
                + Units.formatOg(available) + " 0G available: " + whatNext, cause);
        this.available = available;
        this.required = required;
    }

    /** Neuron available in the ledger when the operation was refused. */
    public BigInteger available() {
        return available;
    }

    /** Neuron the operation needed. */
    public BigInteger required() {
        return required;
    }

    private static String depositHint(BigInteger available, BigInteger required) {
        String missing = Units.formatOg(required.subtract(available).max(BigInteger.ONE));
        return "deposit at least " + missing + " 0G with `0g-compute-cli deposit --amount " + missing
                + "` (SDK: ledger().depositFund(new BigDecimal(\"" + missing + "\"))), or bring money back from"
                + " providers with `0g-compute-cli retrieve-fund`";
    }
}
