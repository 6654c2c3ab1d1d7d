package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ServiceVerification.Check;
import ai.zerog.compute.sdk.ServiceVerification.CheckType;
import ai.zerog.compute.sdk.VerificationStep.Status;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code verifyService} (PROTOCOL.md §6.2): reads the service fresh from chain, fetches the
 * attestation report(s) its architecture calls for, saves them, and checks that each binds the
 * on-chain TEE signer and that its compose manifest is the measured one. Progress goes to the
 * listener as it happens; the verdicts come back as a {@link ServiceVerification}.
 */
final class ServiceVerifier {
    static final Duration REPORT_TIMEOUT = Duration.ofSeconds(30);
    static final int REPORT_MAX_BYTES = 16 * 1024 * 1024;

    /** One report the architecture calls for: its type, where it is served and the file it is saved to. */
    private record Source(String type, String path, String fileName) {}

    private final ProviderHttp http;

    ServiceVerifier(ProviderHttp http) {
        this.http = http;
    }

    ServiceVerification verify(Service service, Path outputDir, VerificationListener listener) {
        Run run = new Run(service, listener);
        listener.onStep(new VerificationStep("read service", Status.PASSED, "TEE signer "
                + service.teeSignerAddress().checksummed() + " on chain, verifiability " + service.verifiability()
                + ", url " + service.url()));
        return run.execute(outputDir);
    }

    /** The state of one verification: the checks so far and what the reports said. */
    private final class Run {
        private final Service service;
        private final VerificationListener listener;
        private final List<Check> checks = new ArrayList<>();
        private final Map<String, Path> saved = new LinkedHashMap<>();
        private final Set<String> images = new LinkedHashSet<>();
        private String teeVerifier = "";
        private boolean separated;
        private boolean simulated;

        Run(Service service, VerificationListener listener) {
            this.service = service;
            this.listener = listener;
        }

        ServiceVerification execute(Path outputDir) {
            Optional<List<Source>> sources = architecture();
            if (sources.isPresent()) {
                String signer = service.teeSignerAddress().checksummed();
                check(CheckType.SIGNER_ACKNOWLEDGED, "", "signer acknowledged", service.teeSignerAcknowledged(),
                        service.teeSignerAcknowledged() ? "the contract owner acknowledged TEE signer " + signer
                                : "the contract owner has not acknowledged TEE signer " + signer
                                + ": settlements and answers from it are not trusted yet");
                createDirectory(outputDir);
                for (Source source : sources.get()) {
                    fetch(source, outputDir).ifPresent(report -> checkReport(source.type(), report));
                }
            }
            if (simulated) {
                listener.onStep(new VerificationStep("simulated attestation", Status.WARNING, "the provider runs a"
                        + " software TEE signer: its quote is a marked placeholder, so these checks prove nothing"
                        + " about TDX hardware; do not rely on it for confidential work"));
            } else if (!saved.isEmpty()) {
                listener.onStep(new VerificationStep("quote", Status.INFO, "the TDX quote itself (signature chain,"
                        + " TCB level) is not verified by the SDK: check the saved report with dstack-verifier"));
            }
            ServiceVerification result = new ServiceVerification(service.provider(), service.teeSignerAddress(),
                    teeVerifier, separated, simulated, saved, checks, List.copyOf(images));
            listener.onStep(new VerificationStep("result", result.passed() ? Status.PASSED : Status.FAILED,
                    result.passed() ? "all " + checks.size() + " checks passed"
                            : result.failures().size() + " of " + checks.size() + " checks failed"));
            return result;
        }

        /** §6.2 step 2: which reports to fetch, from additionalInfo; empty when it cannot be checked. */
        private Optional<List<Source>> architecture() {
            AdditionalInfo info = AdditionalInfo.parse(service.additionalInfo());
            if (info.shape() != AdditionalInfo.Shape.OBJECT) {
                check(CheckType.SERVICE_INFO, "", "service info", false, "the service's additionalInfo on chain is "
                        + (info.shape() == AdditionalInfo.Shape.BLANK ? "empty" : "not a JSON object")
                        + ", so there is no attestation to check: this provider is not verifiable");
                return Optional.empty();
            }
            teeVerifier = info.attestationVerifier();
            separated = info.separatedForAttestation();
            boolean centralized = info.providerType() == AdditionalInfo.ProviderType.CENTRALIZED;
            if (!teeVerifier.equals("dstack")) {
                check(CheckType.SERVICE_INFO, "", "service info", false, "TEEVerifier '" + teeVerifier
                        + "' is not supported (only dstack reports can be checked)");
                return Optional.empty();
            }
            String verifierUrl = info.verifierUrl();
            Source broker = new Source("broker", "/v1/quote", "broker_attestation_report.json");
            Source llm = new Source("llm", "/v1/proxy/attestation/report?model="
                    + URLEncoder.encode(service.model(), StandardCharsets.UTF_8), "llm_attestation_report.json");
            List<Source> sources = !separated ? List.of(new Source("combined", "/v1/quote", "attestation_report.json"))
                    : centralized ? List.of(broker) : List.of(broker, llm);
            String layout = !separated ? "broker and model in one TEE"
                    : "model in a separate " + (centralized ? "centralized service" : "TEE");
            check(CheckType.SERVICE_INFO, "", "service info", true, "TEE verifier dstack, " + layout
                    + ", reports: " + sources.stream().map(Source::type).toList()
                    + (verifierUrl.isEmpty() ? "" : ", verifier image " + verifierUrl));
            return Optional.of(sources);
        }

        private Optional<AttestationReport> fetch(Source source, Path outputDir) {
            URI url = URI.create(service.url() + source.path());
            String step = "fetch " + source.type() + " report";
            listener.onStep(new VerificationStep(step, Status.STARTED, "GET " + url));
            ProviderHttp.Answer answer;
            try {
                answer = http.get(url, Map.of(), REPORT_TIMEOUT, REPORT_MAX_BYTES);
            } catch (SdkException unreachable) {
                listener.onStep(new VerificationStep(step, Status.FAILED, unreachable.getMessage()));
                throw unreachable;
            }
            if (answer.status() == 429 || (answer.status() >= 502 && answer.status() <= 504)) {
                SdkException failure = ProviderHttp.failure(service.provider(), url, answer, Optional.empty());
                listener.onStep(new VerificationStep(step, Status.FAILED, failure.getMessage()));
                throw failure;
            }
            if (!answer.ok()) {
                check(CheckType.REPORT_FETCHED, source.type(), step, false, "GET " + url + " answered HTTP "
                        + answer.status() + " " + ProviderHttp.errorText(answer.text()));
                return Optional.empty();
            }
            Path file = outputDir.resolve(source.fileName());
            try {
                Files.write(file, answer.body());
            } catch (IOException e) {
                throw new InvalidInputException("cannot save the attestation report to " + file + " (" + e.getMessage()
                        + "): pass a writable folder", e);
            }
            saved.put(source.type(), file);
            Optional<AttestationReport> report = AttestationReport.parse(answer.body());
            check(CheckType.REPORT_FETCHED, source.type(), step, report.isPresent(), report.isPresent()
                    ? answer.body().length + " bytes saved to " + file
                    : "the answer (saved to " + file + ") is not a JSON attestation document");
            return report;
        }

        private void checkReport(String type, AttestationReport report) {
            if (!type.equals("llm")) {
                AttestationReport.Verdict signer = report.signerBinding(service.teeSignerAddress());
                check(CheckType.SIGNER_BOUND, type, "signer binding (" + type + ")", signer.passed(), signer.detail());
            }
            AttestationReport.Verdict compose = report.composeHash();
            check(CheckType.COMPOSE_HASH, type, "compose hash (" + type + ")", compose.passed(), compose.detail());
            images.addAll(report.dockerImages());
            if (!report.dockerImages().isEmpty()) {
                listener.onStep(new VerificationStep("docker images (" + type + ")", Status.INFO,
                        String.join(", ", report.dockerImages())));
            }
            simulated |= report.simulated();
        }

        private void check(CheckType type, String report, String step, boolean passed, String detail) {
            checks.add(new Check(type, report, passed, detail));
            listener.onStep(new VerificationStep(step, passed ? Status.PASSED : Status.FAILED, detail));
        }

        private void createDirectory(Path outputDir) {
            try {
                Files.createDirectories(outputDir);
            } catch (IOException e) {
                throw new InvalidInputException("cannot create the report folder " + outputDir + " (" + e.getMessage()
                        + "): pass a writable folder", e);
            }
        }
    }
}
