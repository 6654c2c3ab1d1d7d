package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;

/** The wallet itself (not the ledger) holds less native 0G than a deposit needs. Fund the wallet. */
public final class InsufficientWalletBalanceException extends SdkException {
    private final Address wallet;
    private final BigInteger balance;
    private final BigInteger required;

    public InsufficientWalletBalanceException(Address wallet, BigInteger balance, BigInteger required) {
        super("wallet " + wallet.checksummed() + " holds " + Units.formatOg(balance) + " 0G but the deposit needs "
                + Units.formatOg(required) + " 0G plus gas: send 0G to the wallet (testnet: the faucet) or deposit less");
        this.wallet = wallet;
        this.balance = balance;
        this.required = required;
    }

    public Address wallet() {
        return wallet;
    }

    /** Neuron in the wallet when the deposit was refused. */
    public BigInteger balance() {
        return balance;
    }

    public BigInteger required() {
        return required;
    }
}
