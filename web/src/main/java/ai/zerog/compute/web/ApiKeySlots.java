package ai.zerog.compute.web;

import java.math.BigInteger;
import java.util.Set;

/**
 * Which token id (PROTOCOL.md §3.4) a new API key gets: the lowest of 0–254 that is neither revoked
 * on chain (a bit in the account's {@code revokedBitmap}) nor held by a key this UI keeps. The SDK
 * alone knows only the bitmap, so without this every key for a provider would share id 0 and
 * revoking one would revoke them all.
 */
final class ApiKeySlots {
    /** Ids 0–254; 255 belongs to ephemeral session tokens. */
    static final int COUNT = 255;
    /** As many keys per provider as the official UI keeps, so the list stays usable. */
    static final int MAX_KEYS_PER_PROVIDER = 20;

    private ApiKeySlots() {
    }

    /** The lowest free id, or a 409 that points at Refresh All Slots when every id is taken. */
    static int lowestFree(BigInteger revokedBitmap, Set<Integer> used) {
        for (int id = 0; id < COUNT; id++) {
            if (!revokedBitmap.testBit(id) && !used.contains(id)) {
                return id;
            }
        }
        throw new ApiProblem(409, "All " + COUNT + " token slots are occupied or revoked. Please use \"Refresh All"
                + " Slots\" to free up space (it revokes every API key for this provider).");
    }

    /** How many of the ids 0–254 are revoked on chain. */
    static int revokedCount(BigInteger revokedBitmap) {
        return revokedBitmap.and(BigInteger.ONE.shiftLeft(COUNT).subtract(BigInteger.ONE)).bitCount();
    }
}
