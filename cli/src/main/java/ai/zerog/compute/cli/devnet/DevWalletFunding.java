package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.LedgerDetail;
import ai.zerog.compute.sdk.ZgComputeBroker;
import java.math.BigInteger;
import java.util.List;

/**
 * Gives the dev wallet what a user needs to call every dev provider, through the SDK as a user
 * would: a ledger, and a sub-account with each provider holding {@link #SUB_ACCOUNT} (topped up
 * only once it falls below {@link #TOP_UP_BELOW}, so a restart leaves spent balances as they are).
 */
final class DevWalletFunding {
    static final BigInteger LEDGER = Units.og(10);
    static final BigInteger SUB_ACCOUNT = Units.og(2);
    static final BigInteger TOP_UP_BELOW = Units.og(1);

    private DevWalletFunding() {
    }

    static void fund(ZgComputeBroker wallet, List<Address> providers) {
        if (wallet.ledger().ledgerIfExists().isEmpty()) {
            wallet.ledger().addLedger(LEDGER);
        }
        for (Address provider : providers) {
            BigInteger usable = wallet.inference().account(provider).map(Account::usableBalance).orElse(BigInteger.ZERO);
            if (usable.compareTo(TOP_UP_BELOW) >= 0) {
                continue;
            }
            BigInteger missing = SUB_ACCOUNT.subtract(usable);
            BigInteger available = wallet.ledger().ledgerIfExists().map(LedgerDetail::available).orElse(BigInteger.ZERO);
            if (available.compareTo(missing) < 0) {
                wallet.ledger().depositFund(missing.subtract(available));
            }
            wallet.ledger().transferFund(provider, missing);
        }
    }
}
