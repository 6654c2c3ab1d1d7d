package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the status API's {@code /health} (PROTOCOL.md §4.7): how one (provider, model) pair
 * fared in 0G's monitoring.
 *
 * @param status       {@code healthy}, {@code warning}, {@code critical}, or whatever else the API says ({@code ""} when absent)
 * @param uptime       {@code checks.uptime}, percent
 * @param responseTime {@code performance.response_time}
 * @param lastCheck    {@code lastCheck} as sent (a timestamp text)
 */
public record ServiceHealth(Address provider, String model, String status, Optional<BigDecimal> uptime,
                            Optional<ResponseTime> responseTime, Optional<String> lastCheck) {
    public ServiceHealth {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(uptime, "uptime");
        Objects.requireNonNull(responseTime, "responseTime");
        Objects.requireNonNull(lastCheck, "lastCheck");
    }

    /** The average response time and its unit ({@code ms} when the API names none). */
    public record ResponseTime(BigDecimal average, String unit) {
        public ResponseTime {
            Objects.requireNonNull(average, "average");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** An entry of {@code services[]}; empty without a valid provider address. */
    static Optional<ServiceHealth> parse(JsonNode entry) {
        Optional<Address> provider = StatusSnapshot.address(entry.path("provider"));
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        JsonNode uptime = entry.path("checks").path("uptime");
        JsonNode time = entry.path("performance").path("response_time");
        Optional<ResponseTime> responseTime = time.path("avg").isNumber()
                ? Optional.of(new ResponseTime(time.path("avg").decimalValue(),
                        AdditionalInfo.text(time.path("unit")).orElse("ms")))
                : Optional.empty();
        JsonNode lastCheck = entry.path("lastCheck");
        return Optional.of(new ServiceHealth(provider.get(), entry.path("model").asText(""),
                entry.path("status").isTextual() ? entry.path("status").asText() : "",
                uptime.isNumber() ? Optional.of(uptime.decimalValue()) : Optional.empty(), responseTime,
                lastCheck.isValueNode() && !lastCheck.isNull() ? Optional.of(lastCheck.asText()) : Optional.empty()));
    }
}
