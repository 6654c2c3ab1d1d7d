package ai.zerog.compute.cli.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What the proxy concluded about one answer: {@code true} (the provider's TEE signed exactly the
 * bytes sent and received), {@code false} (it should have and did not: do not trust the answer),
 * or {@code unverifiable} (nothing signs this target's answers, or the signature could not be
 * fetched), with the target that answered and the reason when not {@code true}.
 */
record Verdict(State state, String target, Optional<String> chatId, Optional<String> reason) {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum State {
        TRUE("true"), FALSE("false"), UNVERIFIABLE("unverifiable");

        final String text;

        State(String text) {
            this.text = text;
        }
    }

    Verdict {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(reason, "reason");
    }

    static Verdict verified(String target, String chatId) {
        return new Verdict(State.TRUE, target, Optional.of(chatId), Optional.empty());
    }

    static Verdict failed(String target, Optional<String> chatId, String reason) {
        return new Verdict(State.FALSE, target, chatId, Optional.of(reason));
    }

    static Verdict unverifiable(String target, Optional<String> chatId, String reason) {
        return new Verdict(State.UNVERIFIABLE, target, chatId, Optional.of(reason));
    }

    /** {@code {"verified":"true","provider":"0x…","chatId":"…","reason":null}} */
    ObjectNode json() {
        ObjectNode node = JSON.createObjectNode().put("verified", state.text).put("provider", target);
        chatId.ifPresentOrElse(id -> node.put("chatId", id), () -> node.putNull("chatId"));
        reason.ifPresentOrElse(r -> node.put("reason", r), () -> node.putNull("reason"));
        return node;
    }

    /** The reason as a header value: printable ASCII only, at most 300 characters. */
    Optional<String> reasonHeader() {
        return reason.map(r -> {
            String ascii = r.replaceAll("[^\\x20-\\x7e]", "?");
            return ascii.length() > 300 ? ascii.substring(0, 300) + "..." : ascii;
        });
    }

    /** One log line, e.g. {@code verified=true provider=0x… chat-id=…}. */
    String logText() {
        return "verified=" + state.text + " provider=" + target + chatId.map(id -> " chat-id=" + id).orElse("")
                + reason.map(r -> " reason=\"" + r + "\"").orElse("");
    }
}
