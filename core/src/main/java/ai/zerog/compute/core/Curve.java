package ai.zerog.compute.core;

import java.math.BigInteger;
import org.web3j.crypto.Sign;

/** secp256k1 group order and the low-s bound that EIP-2 / OpenZeppelin enforce. */
final class Curve {

    static final BigInteger N = Sign.CURVE_PARAMS.getN();
    static final BigInteger HALF_N = N.shiftRight(1);

    private Curve() {}
}
