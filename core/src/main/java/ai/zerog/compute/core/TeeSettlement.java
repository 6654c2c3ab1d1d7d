package ai.zerog.compute.core;

import java.math.BigInteger;
import java.util.Objects;

/**
 * One item of {@code settleFeesWithTEE}: the on-chain {@code TEESettlementData} tuple, fields in ABI
 * order. Build signed instances with {@link SettlementDomain#sign}.
 */
public record TeeSettlement(
        Address user, Address provider, BigInteger totalFee, Hash32 requestsHash, BigInteger nonce, Signature signature) {

    public TeeSettlement {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(provider, "provider");
        AbiWords.checkUint256(totalFee, "totalFee");
        Objects.requireNonNull(requestsHash, "requestsHash");
        AbiWords.checkUint256(nonce, "nonce");
        Objects.requireNonNull(signature, "signature");
    }
}
