package ai.zerog.compute.web;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.LedgerDetail;
import ai.zerog.compute.sdk.ServiceHealth;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;

/**
 * The JSON the pages read. Money goes out twice: exact neuron as a decimal string and 0G text
 * for display, so no page ever does arithmetic on floating-point money.
 */
final class Views {
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

    private Views() {
    }

    static ObjectNode service(Service s) {
        ObjectNode json = Json.object()
                .put("provider", s.provider().checksummed())
                .put("serviceType", s.serviceType())
                .put("url", s.url())
                .put("endpoint", s.url() + "/v1/proxy")
                .put("model", s.model())
                .put("verifiability", s.verifiability())
                .put("teeSigner", s.teeSignerAddress().checksummed())
                .put("acknowledged", s.teeSignerAcknowledged())
                .put("inputPrice", s.inputPrice().toString())
                .put("outputPrice", s.outputPrice().toString());
        json.put("price", priceText(s.serviceType(), s.inputPrice(), s.outputPrice()));
        return json;
    }

    /**
     * The status API's figures for one service (CLI-AND-UI.md §9.5): its status in words, uptime
     * and average response time, each with a level ({@code ok}, {@code warn}, {@code bad},
     * {@code unknown}) the card colours by; uptime levels as the CLI's (85 % and 70 %).
     */
    static ObjectNode monitoring(ServiceHealth health) {
        String status = health.status().strip().toLowerCase(Locale.ROOT);
        String level = switch (status) {
            case "healthy" -> "ok";
            case "warning", "degraded" -> "warn";
            case "critical", "unhealthy", "down" -> "bad";
            default -> "unknown";
        };
        ObjectNode json = Json.object().put("known", true).put("status", status).put("level", level)
                .put("label", switch (level) {
                    case "ok" -> "High availability";
                    case "warn" -> "Limited availability";
                    case "bad" -> "Service degraded";
                    default -> "Status unknown";
                })
                .put("model", health.model());
        health.uptime().ifPresent(uptime -> json.put("uptime", uptime)
                .put("uptimeText", plain(uptime, 2) + "%")
                .put("uptimeLevel", uptime.compareTo(BigDecimal.valueOf(85)) >= 0 ? "ok"
                        : uptime.compareTo(BigDecimal.valueOf(70)) >= 0 ? "warn" : "bad"));
        health.responseTime().ifPresent(time -> json.put("responseTime",
                plain(time.average(), time.unit().equals("ms") ? 0 : 2) + " " + time.unit()));
        health.lastCheck().ifPresent(checked -> json.put("lastCheck", checked));
        return json;
    }

    /** A service the status API does not monitor (yet), as the official catalogue shows it. */
    static ObjectNode unmonitored() {
        return Json.object().put("known", false).put("level", "unknown").put("label", "No status data");
    }

    private static String plain(BigDecimal value, int decimals) {
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }

    /** Prices per the unit people think in: per 1M tokens, per image, per second of audio. */
    static String priceText(String serviceType, BigInteger input, BigInteger output) {
        return switch (serviceType) {
            case "text-to-image", "image-editing" -> og(output) + " per image";
            case "speech-to-text" -> output.signum() == 0 ? og(input) + " per second of audio"
                    : og(input.multiply(MILLION)) + " in / " + og(output.multiply(MILLION)) + " out per 1M tokens";
            default -> og(input.multiply(MILLION)) + " in / " + og(output.multiply(MILLION)) + " out per 1M tokens";
        };
    }

    static ObjectNode ledger(LedgerDetail ledger) {
        ObjectNode json = Json.object()
                .put("exists", true)
                .put("user", ledger.user().checksummed())
                .put("asOf", ledger.asOf().toString());
        money(json, "available", ledger.available());
        money(json, "total", ledger.total());
        money(json, "locked", ledger.lockedInSubAccounts());
        ArrayNode providers = json.putArray("providers");
        for (LedgerDetail.ProviderFunds p : ledger.providers()) {
            ObjectNode row = providers.addObject()
                    .put("provider", p.provider().checksummed())
                    .put("acknowledged", p.acknowledged());
            money(row, "balance", p.balance());
            money(row, "pendingRefund", p.pendingRefund());
            money(row, "usable", p.usable());
            ArrayNode refunds = row.putArray("refunds");
            for (LedgerDetail.PendingRefund r : p.refunds()) {
                ObjectNode refund = refunds.addObject()
                        .put("createdAt", r.createdAt().toString())
                        .put("unlocksAt", r.unlocksAt().toString())
                        .put("unlocked", r.unlocked())
                        .put("secondsLeft", secondsBetween(ledger.asOf(), r.unlocksAt()));
                money(refund, "amount", r.amount());
            }
        }
        return json;
    }

    private static long secondsBetween(Instant now, Instant later) {
        return Math.max(0, later.getEpochSecond() - now.getEpochSecond());
    }

    /** {@code field} as 0G text and {@code fieldNeuron} as the exact integer. */
    static void money(ObjectNode json, String field, BigInteger neuron) {
        json.put(field, Units.formatOg(neuron)).put(field + "Neuron", neuron.toString());
    }

    static String og(BigInteger neuron) {
        return Units.formatOg(neuron) + " 0G";
    }
}
