package ai.zerog.compute.cli.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The client API key check: {@code Authorization: Bearer <key>}, compared in constant time. */
final class ClientAuth {
    private final byte[] key;

    ClientAuth(String clientApiKey) {
        this.key = clientApiKey.getBytes(StandardCharsets.UTF_8);
    }

    boolean required() {
        return key.length > 0;
    }

    boolean accepts(Optional<String> authorization) {
        if (!required()) {
            return true;
        }
        String value = authorization.orElse("").strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(value.substring(7).strip().getBytes(StandardCharsets.UTF_8), key);
    }
}
