package ai.zerog.compute.provider;

import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Signature;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA over secp256k1 with RFC 6979 nonces and low-s, giving exactly the signatures of core's
 * {@code Secp256k1Key} (web3j), several times faster. This is the hot path of every answered
 * request (the TEE signature), so three things differ from a textbook signer:
 * <ul>
 * <li>the recovery id is read off the nonce point R instead of being found by trying public-key
 * recoveries, which cost more than the signing;</li>
 * <li>k·G adds one precomputed multiple of G per 4-bit digit of k (64 mixed additions, no
 * doublings), each taken from its table of 16 by a constant-time lookup, so the nonce's digits
 * do not show in memory access patterns;</li>
 * <li>the nonce's HMAC-SHA256 is the JDK's, whose SHA-256 uses the CPU's SHA instructions.</li>
 * </ul>
 */
final class Secp256k1Signing {
    private static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256k1");
    private static final ECCurve CURVE = PARAMETERS.getCurve();
    private static final BigInteger N = PARAMETERS.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final FixedBase G = new FixedBase(PARAMETERS.getG());

    private final BigInteger privateKey;
    private final byte[] privateKeyBytes;

    Secp256k1Signing(BigInteger privateKey) {
        this.privateKey = privateKey;
        this.privateKeyBytes = BigIntegers.asUnsignedByteArray(32, privateKey);
    }

    Signature sign(Hash32 digest) {
        byte[] message = digest.bytes();
        BigInteger e = new BigInteger(1, message);
        Rfc6979 nonces = new Rfc6979(privateKeyBytes, message);
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint point = G.multiply(k);
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

    /**
     * k·G for a fixed G: table i holds (j + 1)·16^i·G for j = 0..15 (never the point at infinity),
     * so the sum of the entries picked by k's 64 digits is k·G + (16^0 + ... + 16^63)·G, which
     * one more addition of the precomputed negation removes.
     */
    private static final class FixedBase {
        private static final int DIGITS = 64;

        private final ECLookupTable[] tables = new ECLookupTable[DIGITS];
        private final ECPoint correction;

        FixedBase(ECPoint g) {
            ECPoint[] points = new ECPoint[DIGITS * 16];
            ECPoint base = g;
            ECPoint offsets = CURVE.getInfinity();
            for (int i = 0; i < DIGITS; i++) {
                ECPoint multiple = base;
                for (int j = 0; j < 16; j++) {
                    points[i * 16 + j] = multiple;
                    multiple = multiple.add(base);
                }
                offsets = offsets.add(base);
                base = points[i * 16 + 15]; // 16·base
            }
            CURVE.normalizeAll(points);
            for (int i = 0; i < DIGITS; i++) {
                tables[i] = CURVE.createCacheSafeLookupTable(points, i * 16, 16);
            }
            correction = offsets.negate().normalize();
        }

        ECPoint multiply(BigInteger k) {
            if (k.signum() <= 0 || k.bitLength() > DIGITS * 4) {
                throw new IllegalStateException("nonce out of range"); // RFC 6979 gives 1 <= k < n
            }
            byte[] digits = BigIntegers.asUnsignedByteArray(DIGITS / 2, k);
            ECPoint sum = null;
            for (int i = 0; i < DIGITS; i++) {
                int octet = digits[DIGITS / 2 - 1 - i / 2] & 0xFF;
                int digit = (i & 1) == 0 ? octet & 0xF : octet >>> 4;
                ECPoint entry = tables[i].lookup(digit);
                sum = sum == null ? entry : sum.add(entry);
            }
            ECPoint point = sum.add(correction).normalize();
            // a fault (or a bug) must not give a signature over a point off the curve: y² = x³ + 7
            ECFieldElement x = point.getAffineXCoord();
            if (!point.getAffineYCoord().square().equals(x.square().multiply(x).add(CURVE.getB()))) {
                throw new IllegalStateException("secp256k1 multiplication gave a point off the curve");
            }
            return point;
        }
    }

    /**
     * RFC 6979 (section 3.2) deterministic nonces with HMAC-SHA256, as Bouncy Castle's
     * {@code HMacDSAKCalculator} derives them (so the signatures stay those of web3j), on the JDK's
     * HMAC, whose SHA-256 uses the CPU's SHA instructions.
     */
    private static final class Rfc6979 {
        private final Mac mac = hmacSha256();
        private byte[] key = new byte[32];
        private byte[] value = new byte[32];

        Rfc6979(byte[] privateKey, byte[] message) {
            Arrays.fill(value, (byte) 1);
            BigInteger m = new BigInteger(1, message);
            if (m.compareTo(N) >= 0) {
                m = m.subtract(N);
            }
            byte[] reduced = BigIntegers.asUnsignedByteArray(32, m);
            key = hmac(key, value, new byte[] {0}, privateKey, reduced);
            value = hmac(key, value);
            key = hmac(key, value, new byte[] {1}, privateKey, reduced);
            value = hmac(key, value);
        }

        BigInteger nextK() {
            while (true) {
                value = hmac(key, value);
                BigInteger k = new BigInteger(1, value);
                if (k.signum() > 0 && k.compareTo(N) < 0) {
                    return k;
                }
                key = hmac(key, value, new byte[] {0});
                value = hmac(key, value);
            }
        }

        private byte[] hmac(byte[] hmacKey, byte[]... parts) {
            try {
                mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("a 32-byte HMAC key is always valid", e);
            }
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        }

        private static Mac hmacSha256() {
            try {
                return Mac.getInstance("HmacSHA256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
    }
}
