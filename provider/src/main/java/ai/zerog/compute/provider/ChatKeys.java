package ai.zerog.compute.provider;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * New chat keys, the {@code ZG-Res-Key} of signed answers (PROTOCOL.md §5.2): lowercase UUIDs of
 * 36 characters like the official broker's, but version 7 (RFC 9562: the millisecond, then 74
 * random bits) instead of 4. Keys made close in time then sit side by side in the fee store's
 * indexes, so a commit touches a few index pages instead of one per request, which halves the
 * store's cost per answer. 74 random bits keep them unguessable.
 */
final class ChatKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChatKeys() {
    }

    static String next(Clock clock) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 4 | (random[1] & 0xFFL) >>> 4) & 0xFFF;
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = randB << 8 | (random[i] & 0xFF);
        }
        long high = (clock.millis() & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long low = randB >>> 2 | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
