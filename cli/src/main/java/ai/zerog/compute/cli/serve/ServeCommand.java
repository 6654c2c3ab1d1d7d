package ai.zerog.compute.cli.serve;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.cli.AddressConverter;
import ai.zerog.compute.cli.CliBrokers;
import ai.zerog.compute.cli.CliEnvironment;
import ai.zerog.compute.cli.CliFailure;
import ai.zerog.compute.cli.CliSession;
import ai.zerog.compute.cli.NetworkOptions;
import ai.zerog.compute.cli.ZgComputeCli;
import ai.zerog.compute.core.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inference serve}: the local OpenAI-compatible proxy over one provider (the official
 * options), several ({@code --provider} repeated, tried in order) or every provider of a model
 * ({@code --model}). See {@link LocalProxy} for what it does per request.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        footer = {"", "Every answer is verified against the provider's TEE signature over the exact bytes: JSON answers"
            + " carry x-0g-verified: true|false|unverifiable with x-0g-provider and x-0g-chat-id, and a stream ends with"
            + " the SSE comment ': x-0g-verification {\"verified\":...}'. Provider errors keep their status and body."
            + " To serve other machines, pass --host and set a client key (ZG_SERVE_API_KEY), sent as"
            + " 'Authorization: Bearer <key>'."},
        description = "Start a local OpenAI-compatible proxy: signs requests, auto-funds, verifies every answer, fails over")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    ProxyOptions proxy;

    @Option(names = "--provider", paramLabel = "<address>", converter = AddressConverter.class,
            description = "Provider to serve; repeat for fail-over, tried in the given order")
    List<Address> providers = new ArrayList<>();

    @Option(names = "--model", paramLabel = "<model>",
            description = "Serve every listed provider of this model (when no --provider is given)")
    String model;

    public ServeCommand() {
    }

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        if (providers.isEmpty() && (model == null || model.isBlank())) {
            throw new CliFailure("no provider to serve",
                    "Pass --provider <address> (see `0g-compute-cli inference list-providers`) or --model <model>");
        }
        proxy.checkBeforeStart(environment);
        environment.out().println("Initializing broker...");
        try (CliSession session = CliBrokers.session(environment, network)) {
            List<ProxyTarget> targets = new ArrayList<>();
            for (Address provider : providers.isEmpty() ? providersOf(session, model) : providers) {
                targets.add(ProxyTarget.provider(provider, targets.size()));
            }
            ProxyConfig config = proxy.applyTo(ProxyConfig.of(targets), environment, ProxyConfig.DEFAULT_REQUEST_TIMEOUT);
            return ProxyRunner.serve(config, session, environment);
        }
    }

    private static List<Address> providersOf(CliSession session, String model) {
        List<Address> serving = session.broker().inference().listServices().stream()
                .filter(service -> service.model().equals(model.strip()))
                .map(Service::provider)
                .toList();
        if (serving.isEmpty()) {
            throw new CliFailure("no listed provider serves model '" + model + "'",
                    "See the providers and their models with `0g-compute-cli inference list-providers`");
        }
        return serving;
    }
}
