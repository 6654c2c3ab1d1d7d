package ai.zerog.compute.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a TEE broker signs for each answer and how (PROTOCOL.md §5.1): a text of lowercase SHA-256
 * hex digests, signed EIP-191 ({@code personal_sign}) over its UTF-8 bytes with the TEE key.
 */
public final class ResponseSigning {

    private static final HexFormat LOWER_HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseSigning() {}

    /** Chat, speech-to-text and similar: {@code hex(sha256(requestBody)) + ":" + hex(sha256(responseBytes))}. */
    public static String chatText(byte[] requestBody, byte[] responseBytes) {
        return sha256Hex(requestBody) + ":" + sha256Hex(responseBytes);
    }

    /**
     * Image generation and editing: {@code hex(sha256(requestBody)) + ":" + } the comma-joined digests
     * of the decoded image bytes, in response order. With no images there is nothing to list: the
     * broker signs {@link #chatText} instead, so an empty list is refused.
     */
    public static String imageText(byte[] requestBody, List<byte[]> images) {
        if (images.isEmpty()) {
            throw new CoreException("imageText needs at least one image; sign chatText(request, response) when none could be extracted");
        }
        StringBuilder text = new StringBuilder(sha256Hex(requestBody)).append(':');
        for (int i = 0; i < images.size(); i++) {
            text.append(i == 0 ? "" : ",").append(sha256Hex(images.get(i)));
        }
        return text.toString();
    }

    /**
     * The decoded {@code b64_json} images of an images answer ({@code {"data":[{"b64_json":…},…]}}),
     * in order: what {@link #imageText} hashes, as the broker and a verifying client both read it.
     * Empty when the answer holds none or they are not base64 (both sides then use {@link #chatText}).
     */
    public static List<byte[]> decodedImages(byte[] imagesAnswer) {
        List<byte[]> images = new ArrayList<>();
        try {
            for (JsonNode item : JSON.readTree(imagesAnswer).path("data")) {
                JsonNode b64 = item.get("b64_json");
                if (b64 != null && b64.isTextual()) {
                    images.add(Base64.getDecoder().decode(b64.asText()));
                }
            }
        } catch (IOException | IllegalArgumentException notImages) {
            return List.of();
        }
        return images;
    }

    public static Signature sign(Secp256k1Key teeKey, String text) {
        return teeKey.signPersonalMessage(utf8(text));
    }

    /** The signer of {@code text}, or empty if the signature is not acceptable. */
    public static Optional<Address> recover(String text, Signature signature) {
        return Signatures.recoverPersonalMessage(utf8(text), signature);
    }

    private static byte[] utf8(String text) {
        return Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256Hex(byte[] data) {
        Objects.requireNonNull(data, "data");
        try {
            return LOWER_HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new CoreException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
