package ai.zerog.compute.cli;

import ai.zerog.compute.chain.Service;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** A registered service as the rows of the official provider tables (CLI-AND-UI.md §5.1) or CliJson.MAPPER. */
final class ServiceView {
    private ServiceView() {
    }

    /** The rows of service number {@code index} (1-based). */
    static void addRows(Table table, int index, Service service) {
        String provider = service.provider().checksummed();
        table.row("Provider " + index, provider);
        table.row("Service Type", service.serviceType());
        Optional<JsonNode> info = additionalInfo(service);
        if (info.map(i -> i.path("MultiModel").asBoolean(false)).orElse(false)) {
            String denomination = info.get().path("priceDenomination").asText("");
            table.row("Models", "multi-model" + (denomination.isEmpty() ? "" : " (" + denomination + ")")
                    + "\nRun: 0g-compute-cli inference get-models --provider " + provider);
        } else {
            table.row("Model", service.model().isBlank() ? "N/A" : service.model());
        }
        boolean image = isImage(service.serviceType());
        boolean speech = service.serviceType().equals("speech-to-text");
        if (speech) {
            table.row("Price Per Second (0G)", Og.price(service.inputPrice()));
        } else if (!image) {
            table.row("Input Price Per Token (0G)", Og.price(service.inputPrice()));
        }
        table.row(image ? "Price Per Image (OG)" : "Output Price Per Token (0G)", Og.price(service.outputPrice()));
        cacheDivisor(info).filter(d -> !image && !speech).ifPresent(divisor ->
                table.row("Cache Hit Price Per Token (0G)", Og.price(service.inputPrice().divide(divisor))));
        table.row("Verifiability", service.verifiability().isBlank() ? "N/A" : service.verifiability());
    }

    /** The extra rows of {@code list-providers-detail}. */
    static void addDetailRows(Table table, Service service) {
        table.row("URL", service.url());
        table.row("TEE Signer", service.teeSignerAddress().checksummed());
        table.row("TEE Signer Acknowledged", service.teeSignerAcknowledged() ? "✓ yes" : "✗ no (hidden without --include-invalid)");
        additionalInfo(service).map(i -> i.path("TEEVerifier").asText("")).filter(s -> !s.isEmpty())
                .ifPresent(verifier -> table.row("TEE Verifier", verifier));
        table.row("Health Status", "No metrics available");
    }

    static ObjectNode json(Service service) {
        ObjectNode node = JsonOption.object();
        node.put("provider", service.provider().checksummed());
        node.put("serviceType", service.serviceType());
        node.put("url", service.url());
        node.put("model", service.model());
        node.put("inputPrice", Og.plain(service.inputPrice()));
        node.put("outputPrice", Og.plain(service.outputPrice()));
        node.put("inputPriceNeuron", service.inputPrice().toString());
        node.put("outputPriceNeuron", service.outputPrice().toString());
        node.put("verifiability", service.verifiability());
        node.put("teeSignerAddress", service.teeSignerAddress().checksummed());
        node.put("teeSignerAcknowledged", service.teeSignerAcknowledged());
        node.put("additionalInfo", service.additionalInfo());
        node.put("updatedAt", service.updatedAt().toString());
        return node;
    }

    static String render(List<Service> services, boolean detail) {
        Table table = Table.withWidths(40, 60);
        for (int i = 0; i < services.size(); i++) {
            addRows(table, i + 1, services.get(i));
            if (detail) {
                addDetailRows(table, services.get(i));
            }
        }
        return table.render();
    }

    static boolean isImage(String serviceType) {
        return serviceType.equals("text-to-image") || serviceType.equals("image-editing");
    }

    private static Optional<JsonNode> additionalInfo(Service service) {
        try {
            JsonNode node = CliJson.MAPPER.readTree(service.additionalInfo());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }

    private static Optional<BigInteger> cacheDivisor(Optional<JsonNode> info) {
        return info.map(i -> i.path("cacheTokenBilling").path("divisor"))
                .filter(JsonNode::canConvertToLong).map(d -> BigInteger.valueOf(d.asLong())).filter(d -> d.signum() > 0);
    }
}
