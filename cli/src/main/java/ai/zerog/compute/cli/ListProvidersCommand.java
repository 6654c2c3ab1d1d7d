package ai.zerog.compute.cli;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.sdk.StatusSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inference list-providers}: every registered inference service (all pages, not only the
 * first 50), hiding those whose TEE signer the contract owner has not acknowledged unless
 * {@code --include-invalid}. Needs no key.
 */
@Command(name = "list-providers", mixinStandardHelpOptions = true, description = "List inference providers")
final class ListProvidersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    JsonOption json;

    @Option(names = "--include-invalid", description = "Also list services whose TEE signer is not acknowledged")
    boolean includeInvalid;

    @Override
    public Integer call() {
        return print(ZgComputeCli.environment(spec), network, json, includeInvalid, false);
    }

    /** The list; with {@code detail} also what the status API knows (health, model details). */
    static int print(CliEnvironment environment, NetworkOptions network, JsonOption json, boolean includeInvalid,
                     boolean detail) {
        List<Service> services;
        long chainId;
        try (CliSession session = CliBrokers.readOnly(environment, network)) {
            services = session.broker().inference().listServices(includeInvalid);
            chainId = session.network().chainId();
        }
        Optional<StatusSnapshot> status = detail && !services.isEmpty()
                ? Optional.of(StatusLookup.snapshot(environment, chainId)) : Optional.empty();
        if (json.enabled()) {
            var array = JsonOption.array();
            services.forEach(s -> array.add(status.map(st -> ServiceView.json(s, st)).orElseGet(() -> ServiceView.json(s))));
            environment.out().print(JsonOption.render(array));
        } else if (services.isEmpty()) {
            environment.out().println("No providers found" + (includeInvalid ? "." : " (try --include-invalid)."));
        } else {
            Colours colours = Colours.of(environment);
            environment.out().print(ServiceView.paint(ServiceView.render(services, status), colours));
            if (detail) {
                environment.out().println();
                environment.out().println(colours.paint(ServiceView.FOOTNOTE, Colours.Colour.GREY));
            }
        }
        return ExitCodes.OK;
    }
}
