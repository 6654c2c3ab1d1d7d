package ai.zerog.compute.cli;

import ai.zerog.compute.provider.ChatPricingConfig;
import ai.zerog.compute.provider.ChatPricingJson;
import ai.zerog.compute.provider.ProviderException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The JSON file {@code provider start --config} reads. Example:
 * <pre>{@code
 * {
 *   "host": "0.0.0.0", "port": 8080,
 *   "publicUrl": "https://provider.example.com",
 *   "serviceType": "chatbot", "model": "my-model",
 *   "inputPrice": "0.000000001", "outputPrice": "0.000000002",
 *   "upstream": {"baseUrl": "http://127.0.0.1:8000/v1", "apiKeyEnv": "UPSTREAM_API_KEY"},
 *   "dataDir": "provider-data",
 *   "settlementIntervalSeconds": 60,
 *   "register": true,
 *   "tieredPricing": {"enabled": true, "tiers": [
 *     {"maxInputTokens": 32000, "inputMultiplier": 1, "outputMultiplier": 1},
 *     {"maxInputTokens": 0, "inputMultiplier": 3, "inputMultiplierDenominator": 2, "outputMultiplier": 2}]},
 *   "cacheTokenBilling": {"enabled": true, "divisor": 10,
 *     "writeMultiplierNumerator": 5, "writeMultiplierDenominator": 4},
 *   "feeStore": {"type": "postgresql", "url": "jdbc:postgresql://db.internal:5432/broker",
 *     "user": "broker", "passwordEnv": "ZG_FEE_STORE_PASSWORD"}
 * }
 * }</pre>
 * Prices are 0G per unit (token, image or second). {@code "upstream": "dev"} serves the built-in
 * dev model. {@code publicUrl} defaults to {@code http://host:port}; {@code dataDir} (the sealed TEE
 * key and the fee database) is relative to the file. The optional chat pricing keys
 * ({@code tieredPricing}, {@code cacheTokenBilling}, {@code modelPricing}) are described on
 * {@link ChatPricingJson}; they are published on chain and in {@code /v1/models}. The optional
 * {@code feeStore} (default: SQLite at {@code dataDir/fees.db}, durability {@code full}) is described
 * on {@link FeeStoreSetting}: SQLite with {@code "durability": "full" | "process"}, or PostgreSQL
 * shared by several brokers of one provider, with the password in the variable {@code passwordEnv} names.
 */
record ProviderFile(String host, int port, Optional<URI> publicUrl, String serviceType, String model,
                    BigInteger inputPrice, BigInteger outputPrice, String verifiability, Optional<URI> upstreamUrl,
                    Optional<String> upstreamKeyVariable, Path dataDir, Duration settlementInterval, boolean register,
                    ChatPricingConfig pricing, FeeStoreSetting feeStore) {
    static ProviderFile read(Path file) {
        JsonNode node;
        try {
            node = CliJson.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new CliFailure("cannot read the provider config " + file + " (" + e.getMessage() + ")",
                    "Pass --config <file.json>; see 0g-compute-cli provider start --help for the format.");
        }
        if (node == null || !node.isObject()) {
            throw invalid(file, "it is not a JSON object");
        }
        JsonNode upstream = node.path("upstream");
        boolean dev = upstream.isMissingNode() || upstream.asText("").equals("dev");
        if (!dev && !upstream.path("baseUrl").isTextual()) {
            throw invalid(file, "\"upstream\" must be \"dev\" or {\"baseUrl\": \"http://…/v1\", \"apiKeyEnv\": \"NAME\"}");
        }
        Path base = file.toAbsolutePath().getParent();
        return new ProviderFile(node.path("host").asText("127.0.0.1"), port(node, file),
                text(node, "publicUrl").map(URI::create), required(node, "serviceType", file),
                required(node, "model", file), price(node, "inputPrice", file), price(node, "outputPrice", file),
                node.path("verifiability").asText("TeeML"),
                dev ? Optional.empty() : Optional.of(URI.create(upstream.path("baseUrl").asText())),
                dev ? Optional.empty() : text(upstream, "apiKeyEnv"),
                base.resolve(node.path("dataDir").asText("provider-data")),
                Duration.ofSeconds(node.path("settlementIntervalSeconds").asLong(60)),
                node.path("register").asBoolean(true), pricing(node, file), FeeStoreSetting.read(node, file));
    }

    private static ChatPricingConfig pricing(JsonNode node, Path file) {
        try {
            ChatPricingConfig pricing = ChatPricingJson.read(node);
            pricing.checkServes(node.path("serviceType").asText(""), node.path("model").asText("").strip());
            return pricing;
        } catch (ProviderException e) {
            throw invalid(file, e.getMessage());
        }
    }

    private static int port(JsonNode node, Path file) {
        int port = node.path("port").asInt(8080);
        if (port < 0 || port > 65535) {
            throw invalid(file, "\"port\" must be 0..65535");
        }
        return port;
    }

    private static BigInteger price(JsonNode node, String field, Path file) {
        String text = node.path(field).asText("");
        if (text.isEmpty()) {
            throw invalid(file, "\"" + field + "\" (0G per unit, e.g. \"0.000000001\") is missing");
        }
        return Og.parse(text, field);
    }

    private static String required(JsonNode node, String field, Path file) {
        return text(node, field).orElseThrow(() -> invalid(file, "\"" + field + "\" is missing"));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().strip())
                : Optional.empty();
    }

    static CliFailure invalid(Path file, String why) {
        return new CliFailure("the provider config " + file + " is not valid: " + why,
                "See the format with: 0g-compute-cli provider start --help");
    }
}
