package ai.zerog.compute.provider;

import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Signature;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA over secp256k1 with RFC 6979 nonces and low-s, giving exactly the signatures of core's
 * {@code Secp256k1Key} (web3j), several times faster: the recovery id is read off the nonce point
 * R instead of being found by trying public-key recoveries, which cost more than the signing.
 * This is the hot path of every answered request (the TEE signature).
 */
final class Secp256k1Signing {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

    private final BigInteger privateKey;

    Secp256k1Signing(BigInteger privateKey) {
        this.privateKey = privateKey;
    }

    Signature sign(Hash32 digest) {
        byte[] message = digest.bytes();
        BigInteger e = new BigInteger(1, message);
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(N, privateKey, message);
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint point = MULTIPLIER.multiply(CURVE.getG(), k).normalize();
            BigInteger x = point.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(N);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(privateKey.multiply(r))).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            int recovery = (point.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
            if (s.compareTo(HALF_N) > 0) {
                s = N.subtract(s); // low-s, as Ethereum requires: the mirrored point has the other y parity
                recovery ^= 1;
            }
            return Signature.fromComponents(r, s, 27 + recovery);
        }
    }

    @Override
    public String toString() {
        return "Secp256k1Signing[key hidden]";
    }
}
