package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.ResponseSigning;
import ai.zerog.compute.core.Signature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a provider's TEE signed an answer (PROTOCOL.md §5.3): the service must be verifiable
 * and acknowledged, the signature fetched from {@code /v1/proxy/signature/{chatId}} must recover to
 * the expected signer. The exact-bytes variant also recomputes the signed text from what was sent
 * and received (§5.1), so a provider cannot sign something other than the answer delivered.
 *
 * <p>Anything that fails to prove the answer (no signature, garbage, wrong signer, other hashes) is
 * a {@code false} verdict with the reason; only "could not ask" (unreachable, rate limited) throws.
 */
final class ResponseVerifier {
    static final Set<String> VERIFIABLE = Set.of("OpML", "TeeML", "ZKML");
    static final Duration SIGNATURE_TIMEOUT = Duration.ofSeconds(30);
    static final int SIGNATURE_MAX_BYTES = 1 << 20;
    static final int IMAGE_MAX_BYTES = 64 << 20;
    private static final String IMAGES_PATH = "/v1/proxy/images/";

    private static final Pattern CHAT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private final ProviderHttp http;

    ResponseVerifier(ProviderHttp http) {
        this.http = http;
    }

    /** The signed text once the signer is proven, or the verdict that stopped the check. */
    private record Signed(Optional<String> text, ResponseVerification verdict) {
        static Signed failed(String reason) {
            return new Signed(Optional.empty(), ResponseVerification.failed(reason));
        }
    }

    ResponseVerification verify(Service service, String chatId) {
        return fetchAndCheckSigner(service, chatId).verdict();
    }

    ResponseVerification verifyExact(Service service, String chatId, byte[] requestBody, byte[] responseBytes) {
        Signed signed = fetchAndCheckSigner(service, chatId);
        if (signed.text().isEmpty()) {
            return signed.verdict();
        }
        String expected;
        Optional<List<URI>> hosted = brokerImageUrls(service, responseBytes);
        if (hosted.isPresent()) {
            Optional<List<byte[]>> images = fetchImages(hosted.get());
            if (images.isEmpty()) {
                return ResponseVerification.failed("the images of chat id " + chatId + " could not be fetched from "
                        + hosted.get() + " to check what the TEE signed");
            }
            expected = ResponseSigning.imageText(requestBody, images.get());
        } else {
            expected = expectedText(service, requestBody, responseBytes);
        }
        String actual = signed.text().get();
        if (actual.equals(expected)) {
            return signed.verdict();
        }
        String reason = "the TEE signed '" + actual + "' but the bytes sent and received hash to '" + expected + "'";
        if (requestHash(actual).equals(requestHash(expected))) {
            reason += ": the response differs from what the provider signed";
        } else if (isStreamWithoutUsage(requestBody)) {
            reason += ": this stream request lacks \"stream_options\":{\"include_usage\":true}, so the broker added it"
                    + " and signed the body it forwarded; send include_usage:true yourself to verify exact bytes";
        } else {
            reason += ": the request differs from what the provider signed";
        }
        return ResponseVerification.failed(reason);
    }

    private Signed fetchAndCheckSigner(Service service, String chatId) {
        Address provider = service.provider();
        if (chatId == null || !CHAT_ID.matcher(chatId).matches()) {
            throw new InvalidInputException("chat id '" + chatId + "' is not an id a provider returns; pass the"
                    + " ZG-Res-Key response header (or the completion id)");
        }
        if (!VERIFIABLE.contains(service.verifiability())) {
            return Signed.failed("provider " + provider.checksummed() + " declares verifiability '"
                    + service.verifiability() + "', not one of " + VERIFIABLE + ", so its answers are not signed");
        }
        if (!service.teeSignerAcknowledged()) {
            return Signed.failed("the contract owner has not acknowledged the TEE signer of provider "
                    + provider.checksummed() + ", so its signatures prove nothing yet");
        }
        Optional<Address> expectedSigner;
        try {
            expectedSigner = expectedSigner(service);
        } catch (IllegalStateException e) {
            return Signed.failed(e.getMessage());
        }
        if (expectedSigner.isEmpty()) {
            return Signed.failed("provider " + provider.checksummed() + " has no usable additionalInfo JSON on chain");
        }
        URI url = URI.create(service.url() + "/v1/proxy/signature/" + chatId + "?model="
                + URLEncoder.encode(service.model(), StandardCharsets.UTF_8));
        ProviderHttp.Answer answer = http.get(url, Map.of("Content-Type", "application/json"), SIGNATURE_TIMEOUT,
                SIGNATURE_MAX_BYTES);
        if (!answer.ok()) {
            if (answer.status() == 429 || (answer.status() >= 502 && answer.status() <= 504)) {
                throw ProviderHttp.failure(provider, url, answer, Optional.empty());
            }
            return Signed.failed("provider " + provider.checksummed() + " has no signature for chat id " + chatId
                    + ": HTTP " + answer.status() + " " + ProviderHttp.errorText(answer.text()));
        }
        Optional<String> text = textField(answer, "text");
        Optional<String> signatureHex = textField(answer, "signature");
        if (text.isEmpty() || signatureHex.isEmpty()) {
            return Signed.failed("the signature endpoint of provider " + provider.checksummed()
                    + " did not answer a JSON object with string fields text and signature");
        }
        Signature signature;
        try {
            signature = Signature.of(signatureHex.get());
        } catch (CoreException e) {
            return Signed.failed("the signature of chat id " + chatId + " is malformed: " + e.getMessage());
        }
        Optional<Address> signer = ResponseSigning.recover(text.get(), signature);
        if (signer.isEmpty()) {
            return Signed.failed("the signature of chat id " + chatId + " recovers to no address");
        }
        if (!signer.get().equals(expectedSigner.get())) {
            return Signed.failed("chat id " + chatId + " was signed by " + signer.get().checksummed()
                    + ", not by the provider's TEE signer " + expectedSigner.get().checksummed());
        }
        return new Signed(text, ResponseVerification.ok(signer.get(), text.get()));
    }

    /**
     * §5.3 step 6: the service's TEE signer, unless the model runs in its own TEE
     * ({@code TargetSeparated} true, not a centralized forwarder, {@code TargetTeeAddress} set).
     * Empty when additionalInfo is missing or not a JSON object.
     */
    static Optional<Address> expectedSigner(Service service) {
        AdditionalInfo info = AdditionalInfo.parse(service.additionalInfo());
        if (info.shape() != AdditionalInfo.Shape.OBJECT) {
            return Optional.empty();
        }
        Optional<String> target = info.separatedSigner();
        if (target.isEmpty()) {
            return Optional.of(service.teeSignerAddress());
        }
        try {
            return Optional.of(Address.of(target.get()));
        } catch (CoreException e) {
            throw new IllegalStateException("additionalInfo TargetTeeAddress '" + target.get() + "' is not an address");
        }
    }

    /**
     * The image URLs of an answer whose images the broker keeps itself (PROTOCOL.md §9.6: asked for
     * {@code response_format=url}, it answers {@code {url}/v1/proxy/images/{chatKey}/{i}} and signs
     * the decoded bytes); empty for any other answer. Only URLs on the service's own origin count:
     * a client fetches nothing else a provider names.
     */
    static Optional<List<URI>> brokerImageUrls(Service service, byte[] responseBytes) {
        if (!service.serviceType().equals("text-to-image") && !service.serviceType().equals("image-editing")) {
            return Optional.empty();
        }
        URI origin = URI.create(service.url());
        List<URI> urls = new ArrayList<>();
        try {
            for (JsonNode item : Jsons.MAPPER.readTree(responseBytes).path("data")) {
                URI url = URI.create(item.path("url").asText(""));
                if (!sameOrigin(origin, url) || url.getPath() == null || !url.getPath().startsWith(IMAGES_PATH)) {
                    return Optional.empty();
                }
                urls.add(url);
            }
        } catch (IOException | IllegalArgumentException notHosted) {
            return Optional.empty();
        }
        return urls.isEmpty() ? Optional.empty() : Optional.of(urls);
    }

    private static boolean sameOrigin(URI origin, URI url) {
        return url.isAbsolute() && origin.getScheme().equalsIgnoreCase(url.getScheme())
                && origin.getHost() != null && origin.getHost().equalsIgnoreCase(url.getHost())
                && port(origin) == port(url);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** Each image's bytes, or empty when one cannot be fetched. */
    private Optional<List<byte[]>> fetchImages(List<URI> urls) {
        List<byte[]> images = new ArrayList<>();
        for (URI url : urls) {
            ProviderHttp.Answer answer = http.get(url, Map.of(), SIGNATURE_TIMEOUT, IMAGE_MAX_BYTES);
            if (!answer.ok()) {
                return Optional.empty();
            }
            images.add(answer.body());
        }
        return Optional.of(images);
    }

    /** What the broker signs for these bytes (§5.1): decoded images for image services, else both bodies. */
    static String expectedText(Service service, byte[] requestBody, byte[] responseBytes) {
        if (service.serviceType().equals("text-to-image") || service.serviceType().equals("image-editing")) {
            List<byte[]> images = ResponseSigning.decodedImages(responseBytes);
            if (!images.isEmpty()) {
                return ResponseSigning.imageText(requestBody, images);
            }
        }
        return ResponseSigning.chatText(requestBody, responseBytes);
    }

    static boolean isStreamWithoutUsage(byte[] requestBody) {
        try {
            JsonNode request = Jsons.MAPPER.readTree(requestBody);
            return request != null && request.path("stream").asBoolean(false)
                    && !request.path("stream_options").path("include_usage").asBoolean(false);
        } catch (IOException notJson) {
            return false;
        }
    }

    private static String requestHash(String signedText) {
        int colon = signedText.indexOf(':');
        return colon < 0 ? signedText : signedText.substring(0, colon);
    }

    private static Optional<String> textField(ProviderHttp.Answer answer, String field) {
        try {
            JsonNode node = Jsons.MAPPER.readTree(answer.body());
            return node != null && node.path(field).isTextual() ? Optional.of(node.get(field).asText()) : Optional.empty();
        } catch (IOException garbage) {
            return Optional.empty();
        }
    }
}
