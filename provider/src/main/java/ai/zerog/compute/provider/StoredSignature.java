package ai.zerog.compute.provider;

import ai.zerog.compute.core.Signature;
import java.time.Instant;

/** A response signature kept for {@code GET /v1/proxy/signature/{chatID}} (PROTOCOL.md §5.1–§5.2). */
public record StoredSignature(String chatKey, String text, Signature signature, Instant createdAt) {
}
