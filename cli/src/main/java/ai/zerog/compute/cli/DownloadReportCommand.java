package ai.zerog.compute.cli;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inference download-report --provider <address> --output <path>}: saves the provider's raw attestation quote. */
@Command(name = "download-report", mixinStandardHelpOptions = true,
        description = "Save a provider's attestation report (GET <url>/v1/quote) to a file")
final class DownloadReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    ProviderOption providerOption;

    @Option(names = "--output", paramLabel = "<path>", required = true, description = "File to write")
    Path output;

    @Override
    public Integer call() throws InterruptedException {
        Address provider = providerOption.address();
        CliEnvironment environment = ZgComputeCli.environment(spec);
        Service service;
        try (CliSession session = CliBrokers.readOnly(environment, network)) {
            service = session.broker().inference().getService(provider);
        }
        URI quote = URI.create(service.url() + "/v1/quote");
        environment.err().println("Downloading " + quote + " ...");
        HttpResponse<byte[]> answer;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            answer = http.send(HttpRequest.newBuilder(quote).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CliFailure("cannot reach " + quote + " (" + e.getMessage() + ")",
                    "Retry later, or pick another provider: 0g-compute-cli inference list-providers");
        }
        if (answer.statusCode() / 100 != 2) {
            throw new CliFailure("HTTP error! Status: " + answer.statusCode() + " from " + quote,
                    "Retry later, or pick another provider: 0g-compute-cli inference list-providers");
        }
        Path target = environment.resolve(output);
        try {
            Path parent = target.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(target, answer.body());
        } catch (IOException e) {
            throw new CliFailure("cannot write " + output + " (" + e.getMessage() + ")", "Choose another --output path.");
        }
        environment.out().println("Quote report downloaded to: " + output);
        return ExitCodes.OK;
    }
}
