package ai.zerog.compute.chain;

import java.math.BigInteger;

/**
 * The network minimums our LedgerManager takes at deploy time, behind the official getters
 * {@code MIN_ACCOUNT_BALANCE()} and {@code MIN_TRANSFER_AMOUNT()} (PROTOCOL.md §1.2).
 */
public record LedgerMinimums(BigInteger minAccountBalance, BigInteger minTransferAmount) {
    /** Mainnet: 3 0G to open a ledger, 1 0G for a first transfer. The devnet uses these. */
    public static final LedgerMinimums MAINNET = new LedgerMinimums(new BigInteger("3000000000000000000"),
            new BigInteger("1000000000000000000"));
    /** Testnet: 0.1 0G and 0.01 0G. */
    public static final LedgerMinimums TESTNET = new LedgerMinimums(new BigInteger("100000000000000000"),
            new BigInteger("10000000000000000"));

    public LedgerMinimums {
        if (minAccountBalance.signum() <= 0 || minTransferAmount.signum() <= 0) {
            throw new ChainException("ledger minimums must be positive, got " + minAccountBalance + " / " + minTransferAmount);
        }
    }
}
