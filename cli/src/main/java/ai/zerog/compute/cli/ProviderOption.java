package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import picocli.CommandLine.Option;

/** The required {@code --provider <address>} of the commands that act on one provider. */
public final class ProviderOption {
    @Option(names = "--provider", paramLabel = "<address>", required = true, converter = AddressConverter.class,
            description = "Provider address")
    Address provider;

    public Address address() {
        return provider;
    }
}
