package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;

/** A user with fee records that no settlement batch holds yet: their sum and how many. */
public record UnsettledUser(Address user, BigInteger total, int records) {
}
