package ai.zerog.compute.web;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.ResponseSigning;
import ai.zerog.compute.sdk.ResponseVerification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What the page shows under an answer: whether the TEE signature verified (and if not why), the
 * signer, the signed text on demand, and the fee charged.
 */
final class Receipts {
    private Receipts() {
    }

    static ObjectNode of(Service service, Optional<String> chatId, ResponseVerification verification, byte[] request,
                         byte[] response, BigInteger fee) {
        ObjectNode json = Json.object()
                .put("provider", service.provider().checksummed())
                .put("chatId", chatId.orElse(""))
                .put("verified", verification.verified())
                .put("failure", verification.failure().orElse(""))
                .put("signer", service.teeSignerAddress().checksummed());
        if (verification.verified()) {
            json.put("signedText", signedText(service, request, response));
        }
        Views.money(json, "fee", fee);
        return json;
    }

    /** No chat id came back, so nothing can be verified. */
    static ResponseVerification unverifiable() {
        return new ResponseVerification(false, Optional.of("the provider returned no chat id (ZG-Res-Key), so the"
                + " answer cannot be verified"));
    }

    /** The text the TEE signed for these exact bytes (PROTOCOL.md §5.1): decoded images for image services. */
    static String signedText(Service service, byte[] request, byte[] response) {
        if (service.serviceType().equals("text-to-image") || service.serviceType().equals("image-editing")) {
            List<byte[]> images = images(response);
            if (!images.isEmpty()) {
                return ResponseSigning.imageText(request, images);
            }
        }
        return ResponseSigning.chatText(request, response);
    }

    private static List<byte[]> images(byte[] response) {
        List<byte[]> images = new ArrayList<>();
        try {
            for (JsonNode item : Json.MAPPER.readTree(response).path("data")) {
                if (item.path("b64_json").isTextual()) {
                    images.add(Base64.getDecoder().decode(item.get("b64_json").asText()));
                }
            }
        } catch (IOException | IllegalArgumentException notImages) {
            return List.of();
        }
        return images;
    }
}
