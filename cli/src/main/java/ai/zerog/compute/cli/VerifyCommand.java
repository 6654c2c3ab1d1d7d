package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ServiceVerification;
import ai.zerog.compute.sdk.VerificationStep;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
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
    /** The quote verifier the official CLI names, and where it listens once started. */
    static final String DSTACK_VERIFIER_IMAGE = "docker.io/dstacktee/dstack-verifier:0.5.4";
    static final String DSTACK_VERIFY_URL = "localhost:8080/verify";
    private static final String BROKER_RELEASES = "https://github.com/0gfoundation/0g-serving-broker/releases";
    private static final String SIGSTORE = "https://search.sigstore.dev/";
    private static final String TAPP_VERIFIER = "https://github.com/0gfoundation/0g-tapp-verifier/blob/main/README.md";
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

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
        new TreeMap<>(result.reports()).forEach((kind, file) -> out.println("  Report saved: " + file + " (" + kind + ")"));
        if (!result.dockerImages().isEmpty()) {
            out.println("  Docker images: " + String.join(", ", result.dockerImages()));
        }
        if (result.simulated()) {
            out.println("  ⚠️  SIMULATED attestation (software TEE signer): the checks prove nothing about hardware.");
        }
        out.println();
        manualSteps(out, result);
        out.println(result.passed() ? "✓ All automated checks passed"
                : "✗ " + result.failures().size() + " automated check(s) failed");
    }

    /**
     * What a person still has to check by hand, with the tools the official CLI names (CLI-AND-UI.md
     * §5.7 step 6): image digests against the broker releases and sigstore, and the TDX quote of each
     * saved report with dstack's verifier run locally.
     */
    private static void manualSteps(PrintStream out, ServiceVerification result) {
        out.println("Manual steps the automated checks do not cover:");
        out.println("  • Images: find the broker image's digest (SHA256) among " + BROKER_RELEASES);
        out.println("    and check how it was built at " + SIGSTORE + "; check other images at their own source.");
        out.println("  • Verifier image: if the service names one (VerifierURL, shown in the service info step),");
        out.println("    check its build at " + SIGSTORE + " before using it.");
        if (result.teeVerifier().equals("cryptopilot")) {
            out.println("  • cryptopilot attestation: follow " + TAPP_VERIFIER);
        } else if (!result.reports().isEmpty()) {
            out.println("  • TDX quote (signature chain, TCB level): run dstack's verifier locally and POST each"
                    + " saved report to it:");
            out.println("      docker run -d -p 8080:8080 " + DSTACK_VERIFIER_IMAGE);
            for (Path report : new TreeMap<>(result.reports()).values()) {
                out.println("      curl -s -d @" + shellWord(report.toString()) + " " + DSTACK_VERIFY_URL);
            }
            if (result.simulated()) {
                out.println("    (a SIMULATED report carries no real quote, so the verifier will reject it)");
            }
        }
    }

    /** {@code text} as one shell word: unchanged when plain, else single-quoted. */
    private static String shellWord(String text) {
        return PLAIN_WORD.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
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
