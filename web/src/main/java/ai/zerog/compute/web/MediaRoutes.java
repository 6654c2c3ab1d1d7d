package ai.zerog.compute.web;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Fee;
import ai.zerog.compute.core.FeeCalculator;
import ai.zerog.compute.core.ServicePrices;
import ai.zerog.compute.sdk.ResponseVerification;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text-to-image, image editing and speech-to-text: the page's prompt or upload goes to the
 * provider with the SDK's authorization, the answer comes back with its TEE verification and fee.
 */
final class MediaRoutes {
    static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    private static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;
    private static final Set<String> SIZES = Set.of("256x256", "512x512", "1024x1024");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final Wallets wallets;
    private final ProviderCalls calls;

    MediaRoutes(Wallets wallets, ProviderCalls calls) {
        this.wallets = wallets;
        this.calls = calls;
    }

    void register(HttpRouting.Builder routing) {
        routing.post("/api/images/generations", ApiHandler.guarded(this::generate))
                .post("/api/images/edits", ApiHandler.guarded(this::edit))
                .post("/api/audio/transcriptions", ApiHandler.guarded(this::transcribe));
    }

    private void generate(ServerRequest request, ServerResponse response) throws IOException {
        Wallet wallet = wallets.forRequest(request);
        JsonNode body = Json.body(request);
        Address provider = Params.address(body, "provider");
        Service service = service(wallet.broker(), provider, "text-to-image");
        ObjectNode call = Json.object().put("model", service.model()).put("prompt", prompt(body)).put("n", 1)
                .put("size", size(body)).put("response_format", "b64_json");
        byte[] sent = Json.MAPPER.writeValueAsBytes(call);
        answerImages(response, wallet.broker(), service, "/images/generations", "application/json", sent);
    }

    private void edit(ServerRequest request, ServerResponse response) throws IOException {
        Wallet wallet = wallets.forRequest(request);
        JsonNode body = Json.body(request);
        Address provider = Params.address(body, "provider");
        Service service = service(wallet.broker(), provider, "image-editing");
        byte[] image = upload(body, "image");
        MultipartBody form = new MultipartBody()
                .file("image", Json.optionalText(body, "fileName").orElse("image.png"),
                        Json.optionalText(body, "mimeType").orElse("image/png"), image)
                .field("prompt", prompt(body))
                .field("model", service.model())
                .field("n", "1")
                .field("size", size(body))
                .field("response_format", "b64_json");
        answerImages(response, wallet.broker(), service, "/images/edits", form.contentType(), form.bytes());
    }

    private void answerImages(ServerResponse response, ZgComputeBroker broker, Service service, String path,
                              String contentType, byte[] sent) throws IOException {
        ProviderCalls.Answer answer = calls.post(broker, service.provider(), path, contentType, sent);
        byte[] received = read(answer);
        JsonNode json = Json.MAPPER.readTree(received);
        ObjectNode result = Json.object();
        ArrayNode images = result.putArray("images");
        for (JsonNode item : json.path("data")) {
            if (item.path("b64_json").isTextual()) {
                images.add(item.get("b64_json").asText());
            }
        }
        Fee fee = FeeCalculator.of(prices(service)).images(images.size());
        result.set("receipt", receipt(broker, service, answer, json, sent, received, fee.total()));
        Json.ok(response, result);
    }

    private void transcribe(ServerRequest request, ServerResponse response) throws IOException {
        Wallet wallet = wallets.forRequest(request);
        JsonNode body = Json.body(request);
        Address provider = Params.address(body, "provider");
        Service service = service(wallet.broker(), provider, "speech-to-text");
        byte[] audio = upload(body, "audio");
        MultipartBody form = new MultipartBody()
                .file("file", Json.optionalText(body, "fileName").orElse("audio.wav"),
                        Json.optionalText(body, "mimeType").orElse("audio/wav"), audio)
                .field("model", service.model())
                .field("response_format", "json");
        Optional<String> language = Json.optionalText(body, "language");
        if (language.isPresent()) {
            if (!LANGUAGE.matcher(language.get()).matches()) {
                throw ApiProblem.badRequest("language must be an ISO-639-1 code such as en or de");
            }
            form.field("language", language.get());
        }
        byte[] sent = form.bytes();
        ProviderCalls.Answer answer = calls.post(wallet.broker(), provider, "/audio/transcriptions", form.contentType(), sent);
        byte[] received = read(answer);
        JsonNode json = Json.MAPPER.readTree(received);
        Fee fee = transcriptionFee(service, json.path("usage"));
        ObjectNode result = Json.object().put("text", json.path("text").asText(""));
        result.set("receipt", receipt(wallet.broker(), service, answer, json, sent, received, fee.total()));
        Json.ok(response, result);
    }

    /** Duration-billed services report seconds, token-billed ones tokens (PROTOCOL.md §7.2). */
    private static Fee transcriptionFee(Service service, JsonNode usage) {
        FeeCalculator fees = FeeCalculator.of(prices(service));
        if (usage.path("type").asText("").equals("duration") && usage.path("seconds").isNumber()) {
            return fees.transcriptionSeconds(usage.get("seconds").asDouble());
        }
        if (usage.path("input_tokens").canConvertToLong()) {
            return fees.transcriptionTokens(usage.path("input_tokens").asLong(), usage.path("output_tokens").asLong(0));
        }
        return Fee.ZERO;
    }

    private static ObjectNode receipt(ZgComputeBroker broker, Service service, ProviderCalls.Answer answer,
                                      JsonNode json, byte[] sent, byte[] received, BigInteger fee) {
        Optional<String> chatId = answer.header("ZG-Res-Key")
                .or(() -> json.path("id").isTextual() ? Optional.of(json.get("id").asText()) : Optional.empty());
        ResponseVerification verification = chatId
                .map(id -> broker.inference().processResponse(service.provider(), id, sent, received))
                .orElseGet(Receipts::unverifiable);
        return Receipts.of(service, chatId, verification, fee);
    }

    private static Service service(ZgComputeBroker broker, Address provider, String type) {
        Service service = broker.inference().getService(provider);
        if (!service.serviceType().equals(type)) {
            throw ApiProblem.badRequest("provider " + provider.checksummed() + " sells " + service.serviceType()
                    + ", not " + type + ": pick a " + type + " provider");
        }
        return service;
    }

    private static ServicePrices prices(Service service) {
        return new ServicePrices(service.inputPrice(), service.outputPrice());
    }

    private static String prompt(JsonNode body) {
        String prompt = Json.text(body, "prompt");
        if (prompt.length() > 4000) {
            throw ApiProblem.badRequest("the prompt is longer than 4000 characters: shorten it");
        }
        return prompt;
    }

    private static String size(JsonNode body) {
        String size = Json.optionalText(body, "size").orElse("1024x1024");
        if (!SIZES.contains(size)) {
            throw ApiProblem.badRequest("size must be one of " + SIZES + ", got '" + size + "'");
        }
        return size;
    }

    private static byte[] upload(JsonNode body, String field) {
        byte[] bytes = Params.base64(body, field);
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("the " + field + " file is empty: choose another file");
        }
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw new ApiProblem(413, "the " + field + " file is larger than 10 MB: choose a smaller one");
        }
        return bytes;
    }

    private static byte[] read(ProviderCalls.Answer answer) throws IOException {
        try (InputStream in = answer.body()) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new ApiProblem(502, "the provider's answer is larger than 64 MB; pick another provider");
            }
            return bytes;
        }
    }
}
