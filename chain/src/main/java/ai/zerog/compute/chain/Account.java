package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.util.List;

/**
 * A user's sub-account with one provider in InferenceServing. {@code balance} includes
 * {@code pendingRefund}; only {@code refunds[0 .. validRefundsLength)} are active.
 */
public record Account(Address user, Address provider, BigInteger nonce, BigInteger balance, BigInteger pendingRefund,
                      List<Refund> refunds, String additionalInfo, boolean acknowledged,
                      BigInteger validRefundsLength, BigInteger generation, BigInteger revokedBitmap) {
    public Account {
        refunds = List.copyOf(refunds);
    }

    /** What settlement can still take without touching pending refunds. */
    public BigInteger usableBalance() {
        return balance.subtract(pendingRefund);
    }

    public List<Refund> activeRefunds() {
        return refunds.subList(0, validRefundsLength.intValueExact());
    }

    public boolean isTokenRevoked(int tokenId) {
        return revokedBitmap.testBit(tokenId);
    }
}
