package ai.zerog.compute.core;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The revocation state of one (user, provider) sub-account as read from chain (PROTOCOL.md §3.5):
 * {@code generation} bumped by {@code revokeAllTokens}, and {@code revokedBitmap} whose bit {@code i}
 * revokes persistent API key {@code i}.
 */
public record AccountTokenState(long generation, BigInteger revokedBitmap) {

    private static final int BITMAP_BITS = 256;

    public AccountTokenState {
        if (generation < 0) {
            throw new CoreException("account generation must not be negative, got " + generation);
        }
        Objects.requireNonNull(revokedBitmap, "revokedBitmap");
        if (revokedBitmap.signum() < 0 || revokedBitmap.bitLength() > BITMAP_BITS) {
            throw new CoreException("revokedBitmap must be a uint256, got " + revokedBitmap);
        }
    }

    /** A fresh account: generation 0, nothing revoked. */
    public static AccountTokenState fresh() {
        return new AccountTokenState(0, BigInteger.ZERO);
    }

    /** Whether bit {@code tokenId} is set. Ephemeral tokens (255) are never revoked by the bitmap; callers skip them. */
    public boolean isRevoked(int tokenId) {
        if (tokenId < 0 || tokenId >= BITMAP_BITS) {
            throw new CoreException("tokenId must be 0..255, got " + tokenId);
        }
        return revokedBitmap.testBit(tokenId);
    }
}
