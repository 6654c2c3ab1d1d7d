package ai.zerog.compute.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /images/generations} (JSON) and {@code POST /images/edits} (multipart with an
 * {@code image} file, or JSON) of the dev model: {@code n} (default 1, at most 10) real PNGs of
 * the requested {@code size} capped at 256×256 (default 64×64), painted from the prompt (and
 * the input image's bytes for edits), as a {@code data:} URL ({@code response_format=url}, the
 * default as in OpenAI's API) or as {@code b64_json}.
 */
final class DevImages {
    static final String GENERATIONS = "/images/generations";
    static final String EDITS = "/images/edits";
    static final int MAX_SIDE = 256;
    static final int MAX_N = 10;
    private static final int DEFAULT_SIDE = 64;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

    private final Clock clock;

    DevImages(DevModelConfig config) {
        this.clock = config.clock();
    }

    DevResponse generations(String contentType, byte[] body) {
        return answer(Params.fromJson(DevJson.object(body), new byte[0]));
    }

    DevResponse edits(String contentType, byte[] body) {
        if (!MultipartForm.isMultipart(contentType)) {
            return answer(Params.fromJson(DevJson.object(body), new byte[0]));
        }
        MultipartForm form = DevForms.parse(contentType, body);
        MultipartPart image = form.part("image").or(() -> form.part("image[]"))
                .orElseThrow(() -> DevRequestException.badRequest("multipart field 'image' (a file) is required"));
        ObjectNode fields = DevJson.MAPPER.createObjectNode();
        for (String name : new String[] {"prompt", "size", "response_format"}) {
            form.text(name).ifPresent(value -> fields.put(name, value));
        }
        Optional<String> n = form.text("n");
        if (n.isPresent()) {
            fields.put("n", DevForms.integer("n", n.get()));
        }
        return answer(Params.fromJson(fields, DevReplyWriter.sha256(image.bytes())));
    }

    private DevResponse answer(Params params) {
        ObjectNode json = DevJson.MAPPER.createObjectNode().put("created", clock.instant().getEpochSecond());
        ArrayNode data = json.putArray("data");
        for (int i = 0; i < params.n(); i++) {
            byte[] png = DevImagePainter.png(seed(params, i), params.width(), params.height());
            String base64 = Base64.getEncoder().encodeToString(png);
            if (params.asUrl()) {
                data.addObject().put("url", "data:image/png;base64," + base64);
            } else {
                data.addObject().put("b64_json", base64);
            }
        }
        return DevResponse.ok(DevResponse.JSON, DevJson.bytes(json));
    }

    private static byte[] seed(Params params, int index) {
        ByteArrayOutputStream seed = new ByteArrayOutputStream();
        seed.writeBytes((params.prompt() + "\n" + index + "\n").getBytes(StandardCharsets.UTF_8));
        seed.writeBytes(params.inputDigest());
        return DevReplyWriter.sha256(seed.toByteArray());
    }

    private record Params(String prompt, int n, int width, int height, boolean asUrl, byte[] inputDigest) {
        static Params fromJson(ObjectNode json, byte[] inputDigest) {
            String prompt = DevJson.textField(json, "prompt", "");
            if (prompt.isBlank()) {
                throw DevRequestException.badRequest("'prompt' is required");
            }
            int n = DevJson.intField(json, "n", 1, 1, MAX_N);
            // url by default, like OpenAI's images API (and the 0G docs' samples, which read data[0].url)
            String format = DevJson.textField(json, "response_format", "url");
            if (!format.equals("b64_json") && !format.equals("url")) {
                throw DevRequestException.badRequest("'response_format' must be 'b64_json' or 'url', got '" + format + "'");
            }
            String size = DevJson.textField(json, "size", "auto");
            if (size.equals("auto")) {
                return new Params(prompt, n, DEFAULT_SIDE, DEFAULT_SIDE, format.equals("url"), inputDigest);
            }
            Matcher m = SIZE.matcher(size);
            if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(2)) == 0) {
                throw DevRequestException.badRequest("'size' must look like '512x512' or be 'auto', got '" + size + "'");
            }
            return new Params(prompt, n, Math.min(MAX_SIDE, Integer.parseInt(m.group(1))),
                    Math.min(MAX_SIDE, Integer.parseInt(m.group(2))), format.equals("url"), inputDigest);
        }
    }
}
