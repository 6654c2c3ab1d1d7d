package ai.zerog.compute.cli.serve;

import ai.zerog.compute.cli.CliBrokers;
import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.cli.CliSession;
import ai.zerog.compute.cli.NetworkOptions;
import ai.zerog.compute.cli.ZgComputeCli;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inference router-serve}: the official fail-over router's options (CLI-AND-UI.md §7) on the
 * same proxy as {@code serve}: on-chain providers ({@code --add-provider address,priority}) and
 * direct OpenAI-compatible endpoints ({@code --add-endpoint id,url,apikey,model,priority}), lower
 * priority first; the request's {@code model} is replaced by the chosen target's, as the official
 * router does. A wallet and RPC are needed only when there is an on-chain provider.
 */
@Command(name = "router-serve", mixinStandardHelpOptions = true,
        footer = {"", "Every answer is verified against the provider's TEE signature over the exact bytes: JSON answers"
            + " carry x-0g-verified: true|false|unverifiable with x-0g-provider and x-0g-chat-id, and a stream ends with"
            + " the SSE comment ': x-0g-verification {\"verified\":...}'. Provider errors keep their status and body."
            + " To serve other machines, pass --host and set a client key (ZG_SERVE_API_KEY), sent as"
            + " 'Authorization: Bearer <key>'."},
        description = "Start a local fail-over router over several providers and direct endpoints (OpenAI-compatible)")
public final class RouterServeCommand implements Callable<Integer> {
    static final String DEFAULT_ENDPOINT_MODEL = "gpt-3.5-turbo";
    static final Duration OFFICIAL_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    ProxyOptions proxy;

    @Option(names = "--add-provider", paramLabel = "<address,priority>",
            description = "On-chain provider with an optional priority (repeatable)")
    List<String> addProvider = new ArrayList<>();

    @Option(names = "--add-endpoint", paramLabel = "<id,endpoint,apikey,model,priority>",
            description = "Direct OpenAI-compatible endpoint (repeatable; apikey, model and priority optional)")
    List<String> addEndpoint = new ArrayList<>();

    @Option(names = "--default-provider-priority", paramLabel = "<number>", defaultValue = "100",
            description = "Priority of providers given without one (default: \"100\")")
    int defaultProviderPriority;

    @Option(names = "--default-endpoint-priority", paramLabel = "<number>", defaultValue = "50",
            description = "Priority of endpoints given without one (default: \"50\")")
    int defaultEndpointPriority;

    @Option(names = "--cache-duration", paramLabel = "<seconds>", defaultValue = "60",
            description = "How long verdicts stay answerable at POST /v1/verify (default: \"60\")")
    long cacheDurationSeconds;

    public RouterServeCommand() {
    }

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        if (addProvider.isEmpty() && addEndpoint.isEmpty()) {
            throw new CliFailure("Must specify either --add-provider or --add-endpoint",
                    "e.g. --add-provider 0xProviderAddress,1 --add-endpoint backup,https://host/v1,key,model,2");
        }
        List<ProxyTarget> targets = new ArrayList<>();
        addProvider.forEach(text -> targets.add(parseProvider(text)));
        addEndpoint.forEach(text -> targets.add(parseEndpoint(text)));
        proxy.checkBeforeStart(environment);
        ProxyConfig config = proxy.applyTo(ProxyConfig.of(targets), environment, OFFICIAL_REQUEST_TIMEOUT)
                .withOverwriteModel(true)
                .withVerdictRetention(Duration.ofSeconds(Math.max(1, cacheDurationSeconds)));
        if (addProvider.isEmpty()) {
            environment.out().println("No on-chain providers: skipping broker initialization");
            return ProxyRunner.serveUntilStopped(LocalProxy.start(config, ProxyRunner.log(environment)), environment);
        }
        environment.out().println("Initializing broker for on-chain providers...");
        try (CliSession session = CliBrokers.session(environment, network)) {
            return ProxyRunner.serve(config, session, environment);
        }
    }

    private ProxyTarget parseProvider(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length > 2 || parts[0].isBlank()) {
            throw invalidProvider(text);
        }
        try {
            return ProxyTarget.provider(Address.of(parts[0].strip()),
                    parts.length == 2 && !parts[1].isBlank() ? Integer.parseInt(parts[1].strip()) : defaultProviderPriority);
        } catch (CoreException | NumberFormatException e) {
            throw invalidProvider(text);
        }
    }

    private ProxyTarget parseEndpoint(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length < 2 || parts.length > 5 || parts[0].isBlank() || parts[1].isBlank()) {
            throw invalidEndpoint(text);
        }
        String apiKey = parts.length > 2 ? parts[2].strip() : "";
        String model = parts.length > 3 && !parts[3].isBlank() ? parts[3].strip() : DEFAULT_ENDPOINT_MODEL;
        try {
            int priority = parts.length > 4 && !parts[4].isBlank() ? Integer.parseInt(parts[4].strip())
                    : defaultEndpointPriority;
            return ProxyTarget.endpoint(parts[0].strip(), URI.create(parts[1].strip()), apiKey, model, priority);
        } catch (IllegalArgumentException e) {
            throw invalidEndpoint(text);
        }
    }

    private static CliFailure invalidProvider(String text) {
        return new CliFailure("Invalid provider format '" + text + "'. Use: address,priority (comma-separated)",
                "e.g. --add-provider 0xf07240Efa67755B5311bc75784a061eDB47165Dd,1");
    }

    private static CliFailure invalidEndpoint(String text) {
        String shown = text.replaceAll("^([^,]*,[^,]*,)[^,]+", "$1***"); // never echo the API key
        return new CliFailure("Invalid endpoint format '" + shown + "'. Use: id,endpoint,apikey,model,priority"
                + " (comma-separated)", "e.g. --add-endpoint backup,https://api.example.com/v1,sk-...,gpt-4o-mini,2");
    }
}
