package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.core.Address;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What a running devnet offers, as {@code devnet status --json} prints it: the RPC and chain id,
 * the contracts, each dev provider and the dev user's address with its account index. Holds no
 * key.
 */
public record DevnetSummary(URI rpc, long chainId, Address ledger, Address inference, List<Provider> providers,
                            User user) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public DevnetSummary {
        providers = List.copyOf(providers);
    }

    /** One dev provider: its account, what it sells and the service URL registered on chain. */
    public record Provider(Address address, String serviceType, String model, URI url, Address teeSigner) {
    }

    /** The dev wallet: its address and its index among the devnet mnemonic's accounts. */
    public record User(Address address, int accountIndex) {
    }

    /** The provider selling {@code serviceType}, if the devnet runs one. */
    public Optional<Provider> provider(String serviceType) {
        return providers.stream().filter(p -> p.serviceType().equals(serviceType)).findFirst();
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode()
                .put("rpc", rpc.toString())
                .put("chainId", chainId)
                .put("ledger", ledger.checksummed())
                .put("inference", inference.checksummed());
        var list = root.putArray("providers");
        providers.forEach(p -> list.addObject()
                .put("address", p.address().checksummed())
                .put("serviceType", p.serviceType())
                .put("model", p.model())
                .put("url", p.url().toString())
                .put("teeSigner", p.teeSigner().checksummed()));
        root.putObject("user").put("address", user.address().checksummed()).put("accountIndex", user.accountIndex());
        return root;
    }

    public String toJsonText() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads what {@link #toJson()} wrote; a missing or malformed field is a {@link CliFailure}. */
    public static DevnetSummary fromJson(JsonNode json) {
        try {
            List<Provider> providers = new java.util.ArrayList<>();
            for (JsonNode p : required(json, "providers")) {
                providers.add(new Provider(Address.of(text(p, "address")), text(p, "serviceType"), text(p, "model"),
                        URI.create(text(p, "url")), Address.of(text(p, "teeSigner"))));
            }
            JsonNode user = required(json, "user");
            return new DevnetSummary(URI.create(text(json, "rpc")), required(json, "chainId").asLong(),
                    Address.of(text(json, "ledger")), Address.of(text(json, "inference")), providers,
                    new User(Address.of(text(user, "address")), required(user, "accountIndex").asInt()));
        } catch (IllegalArgumentException | ai.zerog.compute.core.CoreException e) {
            throw new CliFailure("the devnet state is damaged: " + e.getMessage(),
                    "Start it again with '0g-compute-cli devnet up', or clear it with '0g-compute-cli devnet reset'");
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }
}
