package ai.zerog.compute.cli.serve;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ResponseVerification;
import ai.zerog.compute.sdk.SdkException;
import java.util.Optional;

/**
 * Verifies every answer with the SDK's exact-bytes {@code processResponse}: the TEE signature must
 * recover to the provider's signer and the signed hashes must match the bytes the proxy sent and
 * received (the whole SSE stream for a streamed answer). It also feeds the SDK's fee estimate, so
 * auto-funding sees what was spent.
 */
final class AnswerVerifier {
    /** The SDK call, so a proxy serving only direct endpoints needs no broker. */
    @FunctionalInterface
    interface ExactCheck {
        ResponseVerification check(Address provider, String chatId, byte[] requestBody, byte[] responseBytes);
    }

    private final ExactCheck check;

    AnswerVerifier(ExactCheck check) {
        this.check = check;
    }

    /**
     * @param complete false when the answer was larger than the proxy keeps for checking
     */
    Verdict verify(Upstream upstream, Optional<String> chatId, byte[] requestBody, byte[] responseBytes,
                   boolean complete) {
        String target = upstream.id();
        if (upstream.provider().isEmpty()) {
            return Verdict.unverifiable(target, chatId, "direct endpoint: not a 0G provider, nothing signs its answers");
        }
        if (!upstream.signsAnswers()) {
            return Verdict.unverifiable(target, chatId,
                    "the provider does not declare a verifiable service (OpML, TeeML or ZKML), so nothing signs its answers");
        }
        if (chatId.isEmpty()) {
            return Verdict.failed(target, chatId, "the provider returned neither a ZG-Res-Key header nor an answer id,"
                    + " so there is no signature to check");
        }
        if (!complete) {
            return Verdict.unverifiable(target, chatId, "the answer was too large to keep for the hash check");
        }
        try {
            ResponseVerification result = check.check(upstream.provider().get(), chatId.get(), requestBody, responseBytes);
            return result.verified() ? Verdict.verified(target, chatId.get())
                    : Verdict.failed(target, chatId, result.failure().orElse("not verified"));
        } catch (SdkException e) {
            return Verdict.unverifiable(target, chatId, "could not fetch the signature: " + e.getMessage());
        }
    }
}
