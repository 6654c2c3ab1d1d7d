package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ServiceVerification;
import ai.zerog.compute.sdk.VerificationStep;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inference verify --provider <address>}: the SDK's automated TEE attestation checks, each
 * step printed as it happens, reports saved to {@code --output-dir}. Unlike the official CLI the
 * exit code is {@link ExitCodes#VERIFICATION_FAILED} when a check fails. Needs no key.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a provider's TEE attestation and save its reports")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    JsonOption json;

    @Mixin
    ProviderOption providerOption;

    @Option(names = "--output-dir", paramLabel = "<path>", defaultValue = ".",
            description = "Where to save the attestation reports (default: \"${DEFAULT-VALUE}\")")
    Path outputDir;

    @Override
    public Integer call() {
        Address provider = providerOption.address();
        CliEnvironment environment = ZgComputeCli.environment(spec);
        PrintStream steps = json.enabled() ? environment.err() : environment.out();
        ServiceVerification result;
        try (CliSession session = CliBrokers.readOnly(environment, network)) {
            result = session.broker().inference().verifyService(provider, environment.resolve(outputDir),
                    step -> steps.println(line(step)));
        }
        if (json.enabled()) {
            environment.out().print(JsonOption.render(json(result)));
        } else {
            summary(environment.out(), result);
        }
        if (!result.passed()) {
            environment.err().println("✗ Verification failed: " + result.failures().size() + " check(s) failed for provider "
                    + provider.checksummed());
            environment.err().println("  Do not trust this provider's answers; pick another: 0g-compute-cli inference list-providers");
            return ExitCodes.VERIFICATION_FAILED;
        }
        return ExitCodes.OK;
    }

    private static String line(VerificationStep step) {
        String mark = switch (step.status()) {
            case STARTED -> "…";
            case PASSED -> "✅";
            case FAILED -> "❌";
            case WARNING -> "⚠️ ";
            case INFO -> "ℹ";
        };
        return mark + " " + step.name() + (step.detail().isEmpty() ? "" : ": " + step.detail());
    }

    private static void summary(PrintStream out, ServiceVerification result) {
        out.println();
        out.println("Verification summary for provider " + result.provider().checksummed());
        long bound = count(result, ServiceVerification.CheckType.SIGNER_BOUND, true);
        long signerChecks = bound + count(result, ServiceVerification.CheckType.SIGNER_BOUND, false);
        out.println("  TEE Signer Address Verification (" + bound + "/" + signerChecks + " matches): "
                + (bound == signerChecks && signerChecks > 0 ? "✅ MATCH" : "❌ MISMATCH"));
        boolean compose = count(result, ServiceVerification.CheckType.COMPOSE_HASH, false) == 0
                && count(result, ServiceVerification.CheckType.COMPOSE_HASH, true) > 0;
        out.println("  Docker Compose Verification: " + (compose ? "✅ VALID" : "❌ INVALID"));
        result.reports().forEach((kind, file) -> out.println("  Report saved: " + file + " (" + kind + ")"));
        if (!result.dockerImages().isEmpty()) {
            out.println("  Docker images: " + String.join(", ", result.dockerImages()));
        }
        if (result.simulated()) {
            out.println("  ⚠️  SIMULATED attestation (software TEE signer): the checks prove nothing about hardware.");
        }
        out.println();
        out.println("Manual steps the automated checks do not cover:");
        out.println("  • verify the TDX quote in each saved report with dstack's verifier (dstacktee/dstack-verifier)");
        out.println("  • check the image digests above against the provider's published releases (sigstore)");
        out.println(result.passed() ? "✓ All automated checks passed"
                : "✗ " + result.failures().size() + " automated check(s) failed");
    }

    private static long count(ServiceVerification result, ServiceVerification.CheckType type, boolean passed) {
        return result.checks().stream().filter(c -> c.type() == type && c.passed() == passed).count();
    }

    private static ObjectNode json(ServiceVerification result) {
        ObjectNode node = JsonOption.object().put("provider", result.provider().checksummed())
                .put("passed", result.passed()).put("simulated", result.simulated())
                .put("teeVerifier", result.teeVerifier()).put("onChainSigner", result.onChainSigner().checksummed());
        ArrayNode checks = node.putArray("checks");
        result.checks().forEach(c -> checks.addObject().put("type", c.type().name()).put("report", c.report())
                .put("passed", c.passed()).put("detail", c.detail()));
        ObjectNode reports = node.putObject("reports");
        result.reports().forEach((kind, file) -> reports.put(kind, file.toString()));
        ArrayNode images = node.putArray("dockerImages");
        result.dockerImages().forEach(images::add);
        return node;
    }
}
