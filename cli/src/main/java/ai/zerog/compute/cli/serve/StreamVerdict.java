package ai.zerog.compute.cli.serve;

import java.nio.charset.StandardCharsets;

/**
 * How a streamed answer carries its verdict: the headers left before the first event, so after
 * the provider's last byte ({@code data: [DONE]}) the proxy appends one SSE comment,
 * <pre>: x-0g-verification {"verified":"true","provider":"0x…","chatId":"…","reason":null}</pre>
 * followed by a blank line. SSE parsers (browsers' EventSource, the OpenAI clients) skip comments,
 * so clients that do not look for it see the provider's stream unchanged; the same verdict is in
 * the log and at {@code POST /v1/verify} under the {@code x-0g-chat-id} header's id. We chose a
 * comment over HTTP trailers because browsers' fetch cannot read trailers and most clients
 * ignore them.
 */
final class StreamVerdict {
    static final String PREFIX = ": x-0g-verification ";
    static final byte[] LINE_END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private StreamVerdict() {
    }

    static byte[] comment(Verdict verdict) {
        return (PREFIX + verdict.json() + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
