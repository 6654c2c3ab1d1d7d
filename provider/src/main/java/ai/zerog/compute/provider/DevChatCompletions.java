package ai.zerog.compute.provider;

import ai.zerog.compute.provider.PacedChunkStream.Chunk;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /chat/completions} of the dev model: a deterministic reply with honest usage
 * (both sides counted by {@link DevTokenizer}), as one JSON object or as OpenAI SSE chunks,
 * one token per chunk, with the usage chunk when {@code stream_options.include_usage} is set.
 */
final class DevChatCompletions {
    static final String ENDPOINT = "/chat/completions";

    private final Duration tokenDelay;
    private final Clock clock;
    private final DevModelConfig.CacheUsage cacheUsage;

    DevChatCompletions(DevModelConfig config) {
        this.tokenDelay = config.tokenDelay();
        this.clock = config.clock();
        this.cacheUsage = config.cacheUsage();
    }

    DevResponse handle(byte[] body) {
        DevChatRequest request = DevChatRequest.parse(body);
        List<String> pieces = DevTokenizer.pieces(DevReplyWriter.reply(request.prompt()));
        boolean truncated = pieces.size() > request.maxTokens();
        Answer answer = new Answer("chatcmpl-" + UUID.randomUUID().toString().replace("-", ""),
                clock.instant().getEpochSecond(), request,
                truncated ? pieces.subList(0, request.maxTokens()) : pieces, truncated ? "length" : "stop", cacheUsage);
        return request.stream() ? stream(answer) : complete(answer);
    }

    private DevResponse complete(Answer answer) {
        pause(tokenDelay.multipliedBy(answer.pieces().size()));
        ObjectNode json = answer.envelope("chat.completion");
        ObjectNode choice = json.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", String.join("", answer.pieces()));
        choice.putNull("logprobs");
        choice.put("finish_reason", answer.finishReason());
        json.set("usage", answer.usage());
        return DevResponse.ok(DevResponse.JSON, DevJson.bytes(json));
    }

    private DevResponse stream(Answer answer) {
        List<Chunk> chunks = new ArrayList<>();
        chunks.add(event(answer.chunk(delta -> delta.put("role", "assistant").put("content", "")), false));
        for (String piece : answer.pieces()) {
            chunks.add(event(answer.chunk(delta -> delta.put("content", piece)), true));
        }
        ObjectNode last = answer.chunk(delta -> { });
        ((ObjectNode) last.get("choices").get(0)).put("finish_reason", answer.finishReason());
        chunks.add(event(last, false));
        if (answer.request().includeUsage()) {
            ObjectNode usage = answer.envelope("chat.completion.chunk");
            usage.putArray("choices");
            usage.set("usage", answer.usage());
            chunks.add(event(usage, false));
        }
        chunks.add(new Chunk("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8), false));
        return new DevResponse(200, DevResponse.EVENT_STREAM, new PacedChunkStream(chunks, tokenDelay));
    }

    private static Chunk event(ObjectNode json, boolean paced) {
        byte[] data = DevJson.bytes(json);
        byte[] event = new byte[data.length + 8];
        System.arraycopy("data: ".getBytes(StandardCharsets.US_ASCII), 0, event, 0, 6);
        System.arraycopy(data, 0, event, 6, data.length);
        event[event.length - 2] = '\n';
        event[event.length - 1] = '\n';
        return new Chunk(event, paced);
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while the dev model was generating", e);
        }
    }

    private record Answer(String id, long created, DevChatRequest request, List<String> pieces, String finishReason,
                          DevModelConfig.CacheUsage cache) {
        ObjectNode envelope(String object) {
            return DevJson.MAPPER.createObjectNode().put("id", id).put("object", object).put("created", created)
                    .put("model", request.model());
        }

        ObjectNode usage() {
            int completion = pieces.size();
            ObjectNode usage = DevJson.MAPPER.createObjectNode().put("prompt_tokens", request.promptTokens())
                    .put("completion_tokens", completion)
                    .put("total_tokens", request.promptTokens() + completion);
            if (cache.cachedTokens() > 0) {
                usage.putObject("prompt_tokens_details").put("cached_tokens", cache.cachedTokens());
            }
            if (cache.cacheWriteTokens() > 0) {
                usage.put("cache_write_tokens", cache.cacheWriteTokens());
            }
            if (cache.cacheWrite1hTokens() > 0) {
                usage.put("cache_write_1h_tokens", cache.cacheWrite1hTokens());
            }
            return usage;
        }

        /** A streaming chunk; {@code usage: null} on every chunk but the last, as OpenAI does. */
        ObjectNode chunk(java.util.function.Consumer<ObjectNode> delta) {
            ObjectNode json = envelope("chat.completion.chunk");
            ObjectNode choice = json.putArray("choices").addObject().put("index", 0);
            delta.accept(choice.putObject("delta"));
            choice.putNull("logprobs");
            choice.putNull("finish_reason");
            if (request.includeUsage()) {
                json.putNull("usage");
            }
            return json;
        }
    }
}
