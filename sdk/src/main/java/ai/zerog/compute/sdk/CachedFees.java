package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The per-provider "cached fee" of PROTOCOL.md §3.7/§7.6: the sum of client fee estimates
 * (§7.2) since the last top-up, or the last unsettled fee the provider reported. Auto-funding
 * falls back to it when the provider cannot say; entries live 24 h.
 */
final class CachedFees {
    static final Duration TTL = Duration.ofHours(24);

    private record Entry(BigInteger fee, long expiresAtMs) {}

    private final Clock clock;
    private final ConcurrentMap<Address, Entry> fees = new ConcurrentHashMap<>();

    CachedFees(Clock clock) {
        this.clock = clock;
    }

    BigInteger get(Address provider) {
        Entry entry = fees.get(provider);
        return entry == null || entry.expiresAtMs() <= clock.millis() ? BigInteger.ZERO : entry.fee();
    }

    void add(Address provider, BigInteger fee) {
        if (fee.signum() <= 0) {
            return;
        }
        long expires = clock.millis() + TTL.toMillis();
        fees.compute(provider, (key, entry) -> new Entry(
                (entry == null || entry.expiresAtMs() <= clock.millis() ? BigInteger.ZERO : entry.fee()).add(fee), expires));
    }

    void set(Address provider, BigInteger fee) {
        fees.put(provider, new Entry(fee, clock.millis() + TTL.toMillis()));
    }

    /**
     * The official client's estimate (§7.2) for one answer's {@code usage} JSON: chat and token-billed
     * speech bill input × inputPrice + output × outputPrice; duration speech bills max(round(s),1) ×
     * inputPrice; images bill {@code n} (default 1) × inputPrice, as the SDK does. Unreadable counts are 0.
     */
    static BigInteger estimate(Service service, String usageJson) {
        JsonNode usage;
        try {
            usage = Jsons.MAPPER.readTree(usageJson);
        } catch (IOException e) {
            return BigInteger.ZERO;
        }
        if (usage == null || !usage.isObject()) {
            return BigInteger.ZERO;
        }
        BigInteger in = service.inputPrice();
        BigInteger out = service.outputPrice();
        return switch (service.serviceType()) {
            case "text-to-image", "image-editing" -> in.multiply(count(usage.get("n")).orElse(BigInteger.ONE));
            case "speech-to-text" -> speech(usage, in, out);
            default -> in.multiply(count(usage.get("prompt_tokens")).orElse(BigInteger.ZERO))
                    .add(out.multiply(count(usage.get("completion_tokens")).orElse(BigInteger.ZERO)));
        };
    }

    /** The {@code usage} of a JSON completion, or of the last SSE event that has one. */
    static Optional<String> usageOf(byte[] response) {
        String text = new String(response, java.nio.charset.StandardCharsets.UTF_8);
        Optional<String> whole = usageOfJson(text);
        if (whole.isPresent()) {
            return whole;
        }
        Optional<String> last = Optional.empty();
        for (String line : text.split("\n")) {
            String data = line.strip();
            if (data.startsWith("data:") && !data.equals("data: [DONE]")) {
                Optional<String> usage = usageOfJson(data.substring(5).strip());
                if (usage.isPresent()) {
                    last = usage;
                }
            }
        }
        return last;
    }

    private static Optional<String> usageOfJson(String json) {
        try {
            JsonNode node = Jsons.MAPPER.readTree(json);
            return node != null && node.path("usage").isObject() ? Optional.of(node.get("usage").toString()) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static BigInteger speech(JsonNode usage, BigInteger in, BigInteger out) {
        if ("tokens".equals(usage.path("type").asText())) {
            return in.multiply(count(usage.get("input_tokens")).orElse(BigInteger.ZERO))
                    .add(out.multiply(count(usage.get("output_tokens")).orElse(BigInteger.ZERO)));
        }
        Optional<BigDecimal> seconds = decimal(usage.get("seconds"));
        if (seconds.isEmpty() || seconds.get().signum() <= 0) {
            return BigInteger.ZERO;
        }
        BigInteger billed = seconds.get().setScale(0, java.math.RoundingMode.HALF_UP).toBigInteger().max(BigInteger.ONE);
        return in.multiply(billed);
    }

    /** A non-negative whole count from a number or numeric string. */
    private static Optional<BigInteger> count(JsonNode node) {
        return decimal(node).filter(d -> d.signum() >= 0).map(BigDecimal::toBigInteger);
    }

    private static Optional<BigDecimal> decimal(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        try {
            if (node.isNumber()) {
                return Optional.of(node.decimalValue());
            }
            if (node.isTextual()) {
                return Optional.of(new BigDecimal(node.asText().strip()));
            }
        } catch (NumberFormatException unparsable) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
