package ai.zerog.compute.web;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.sdk.ResponseVerification;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Optional;

/**
 * What the page shows under an answer: whether the TEE signature verified (and if not why), the
 * signer and the text it signed (as the SDK checked them), and the fee charged.
 */
final class Receipts {
    private Receipts() {
    }

    static ObjectNode of(Service service, Optional<String> chatId, ResponseVerification verification, BigInteger fee) {
        ObjectNode json = Json.object()
                .put("provider", service.provider().checksummed())
                .put("chatId", chatId.orElse(""))
                .put("verified", verification.verified())
                .put("failure", verification.failure().orElse(""))
                // who proved it; for an unproven answer, the signer the chain names for the service
                .put("signer", verification.signer().orElse(service.teeSignerAddress()).checksummed());
        verification.signedText().ifPresent(text -> json.put("signedText", text));
        Views.money(json, "fee", fee);
        return json;
    }

    /** No chat id came back, so nothing can be verified. */
    static ResponseVerification unverifiable() {
        return new ResponseVerification(false, Optional.of("the provider returned no chat id (ZG-Res-Key), so the"
                + " answer cannot be verified"));
    }
}
