package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code verifyService} found (PROTOCOL.md §6.2): every automated check with its verdict and
 * the facts behind it, where the raw reports were saved, and the container images the TEE claims
 * to run. {@link #passed()} means every check passed.
 *
 * <p>Neither this SDK nor the official one verifies the TDX quote itself (its signature chain and
 * TCB level): do that with dstack's verifier on the saved report. When {@link #simulated()} is
 * true the provider runs a software signer whose "quote" is a marked placeholder, so passing
 * checks prove only that the documents are consistent, nothing about hardware.
 *
 * @param reports report type ({@code combined}, {@code broker}, {@code llm}) to the saved file
 */
public record ServiceVerification(Address provider, Address onChainSigner, String teeVerifier, boolean targetSeparated,
                                  boolean simulated, Map<String, Path> reports, List<Check> checks,
                                  List<String> dockerImages) {

    /** The kinds of automated check, in the order they run. */
    public enum CheckType {
        /** The service's {@code additionalInfo} is JSON and names a TEE verifier the SDK can check. */
        SERVICE_INFO,
        /** The contract owner acknowledged the service's TEE signer. */
        SIGNER_ACKNOWLEDGED,
        /** The report was served as a JSON document (and saved). */
        REPORT_FETCHED,
        /** The report's {@code report_data} binds the TEE signer address registered on chain. */
        SIGNER_BOUND,
        /** sha256 of {@code tcb_info.app_compose} equals the {@code compose-hash} event of the event log. */
        COMPOSE_HASH
    }

    /** One verdict; {@code report} names the report it is about, empty for service-level checks. */
    public record Check(CheckType type, String report, boolean passed, String detail) {
        public Check {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return (passed ? "PASS " : "FAIL ") + type + (report.isEmpty() ? "" : " (" + report + ")") + ": " + detail;
        }
    }

    public ServiceVerification {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(onChainSigner, "onChainSigner");
        Objects.requireNonNull(teeVerifier, "teeVerifier");
        reports = Map.copyOf(reports);
        checks = List.copyOf(checks);
        dockerImages = List.copyOf(dockerImages);
    }

    /** Every check passed (and there was at least one report to check). */
    public boolean passed() {
        return checks.stream().anyMatch(c -> c.type() == CheckType.REPORT_FETCHED)
                && checks.stream().allMatch(Check::passed);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** The check of {@code type} about {@code report} ({@code ""} for service-level checks). */
    public Optional<Check> check(CheckType type, String report) {
        return checks.stream().filter(c -> c.type() == type && c.report().equals(report)).findFirst();
    }

    /** A few lines for people: the verdict, whether it is simulated, and each check. */
    public String summary() {
        StringBuilder text = new StringBuilder("provider ").append(provider.checksummed()).append(": ")
                .append(passed() ? "all attestation checks passed" : failures().size() + " attestation check(s) failed");
        if (simulated) {
            text.append("\n  SIMULATED attestation: a software TEE signer, no TDX hardware; the checks prove nothing"
                    + " about where the key lives");
        }
        checks.forEach(c -> text.append("\n  ").append(c));
        return text.toString();
    }
}
